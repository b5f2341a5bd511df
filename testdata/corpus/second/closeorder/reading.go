package closeorder

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"maps"
	"mime/multipart"
	"net/http"
	"slices"
	"strings"

	"heldout2/internal/finish"
	"heldout2/third/zstd"
)

// gzipBytes returns the buffer while the deferred Close has not yet
// written the footer.
func gzipBytes(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	defer gz.Close()
	if _, err := gz.Write(p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: bad closeorder
}

// gzipBytesClosed closes first.
func gzipBytesClosed(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	if _, err := gz.Write(p); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: ok closeorder
}

// encodeID reads the builder before the encoder writes its last block.
func encodeID(id []byte) string {
	var sb strings.Builder
	enc := base64.NewEncoder(base64.URLEncoding, &sb)
	enc.Write(id)
	s := sb.String() // LABEL: bad closeorder
	enc.Close()
	return s
}

// encodeBase64 reads the builder after the callee closed its encoder.
func encodeBase64(p []byte) (string, error) {
	var sb strings.Builder
	if err := writeBase64(&sb, p); err != nil {
		return "", err
	}
	return sb.String(), nil // LABEL: ok closeorder
}

func writeBase64(w io.Writer, p []byte) error {
	enc := base64.NewEncoder(base64.StdEncoding, w)
	if _, err := enc.Write(p); err != nil {
		return err
	}
	return enc.Close()
}

// packAndUpload takes the archive bytes before the central directory is
// written.
func packAndUpload(files map[string][]byte, upload func([]byte) error) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(files[name]); err != nil {
			return err
		}
	}
	data := buf.Bytes() // LABEL: bad closeorder
	if err := zw.Close(); err != nil {
		return err
	}
	return upload(data)
}

// zipInMemory closes the archive through a helper, then reads it.
func zipInMemory(files map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[name]); err != nil {
			return nil, err
		}
	}
	if err := finish.Close(zw); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: ok closeorder
}

// serveGzipped compresses into a buffer to set Content-Length, but sends
// the buffer before the deferred Close.
func serveGzipped(w http.ResponseWriter, body []byte) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	defer gz.Close()
	gz.Write(body)
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("Content-Length", fmt.Sprint(buf.Len()))
	w.Write(buf.Bytes()) // LABEL: bad closeorder
}

// logDump logs the dump before the dumper writes its last line.
func logDump(label string, p []byte) {
	var sb strings.Builder
	d := hex.Dumper(&sb)
	d.Write(p)
	log.Printf("%s:\n%s", label, sb.String()) // LABEL: bad closeorder
	d.Close()
}

// logDumpClosed closes the dumper first.
func logDumpClosed(label string, p []byte) {
	var sb strings.Builder
	d := hex.Dumper(&sb)
	d.Write(p)
	if err := d.Close(); err != nil {
		log.Printf("%s: dump: %v", label, err)
		return
	}
	log.Printf("%s:\n%s", label, sb.String()) // LABEL: ok closeorder
}

// secretString returns the builder before the deferred Close pads the
// last group.
func secretString(secret []byte) string {
	var sb strings.Builder
	enc := base32.NewEncoder(base32.StdEncoding, &sb)
	defer enc.Close()
	enc.Write(secret)
	return sb.String() // LABEL: bad closeorder
}

// compressSnapshot copies the buffer before the stream is closed.
func compressSnapshot(snap []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	if _, err := zw.Write(snap); err != nil {
		return nil, err
	}
	out := bytes.Clone(buf.Bytes()) // LABEL: bad closeorder
	return out, zw.Close()
}

// compressBuffer reads its input buffer, not the output, before Close.
func compressBuffer(in *bytes.Buffer) ([]byte, error) {
	var out bytes.Buffer
	zw := zlib.NewWriter(&out)
	if _, err := zw.Write(in.Bytes()); err != nil { // LABEL: ok closeorder
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// tarBytes evaluates buf.Bytes() before tw.Close() in the same return.
func tarBytes(name string, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data))}); err != nil {
		return nil, err
	}
	if _, err := tw.Write(data); err != nil {
		return nil, err
	}
	return buf.Bytes(), tw.Close() // LABEL: bad closeorder
}

// tarBytesClosed closes first and then reads.
func tarBytesClosed(name string, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data))}); err != nil {
		return nil, err
	}
	if _, err := tw.Write(data); err != nil {
		return nil, err
	}
	err := tw.Close()
	return buf.Bytes(), err // LABEL: ok closeorder
}

// gzipToken encodes the compressed buffer before Close in the same return.
func gzipToken(claims []byte) (string, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	if _, err := gz.Write(claims); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(buf.Bytes()), gz.Close() // LABEL: bad closeorder
}

// zstdBlob returns the buffer while the deferred Close is pending.
func zstdBlob(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	enc, err := zstd.NewWriter(&buf)
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	if _, err := enc.Write(p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: bad closeorder
}

// zstdBlobClosed closes and then reads.
func zstdBlobClosed(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	enc, err := zstd.NewWriter(&buf)
	if err != nil {
		return nil, err
	}
	if _, err := enc.Write(p); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: ok closeorder
}

// encodeBlocks collects each block before its encoder is closed.
func encodeBlocks(blocks [][]byte) []string {
	out := make([]string, 0, len(blocks))
	for _, b := range blocks {
		var sb strings.Builder
		enc := ascii85.NewEncoder(&sb)
		enc.Write(b)
		out = append(out, sb.String()) // LABEL: bad closeorder
		enc.Close()
	}
	return out
}

// encodeBlocksClosed closes each encoder before collecting.
func encodeBlocksClosed(blocks [][]byte) ([]string, error) {
	out := make([]string, 0, len(blocks))
	for _, b := range blocks {
		var sb strings.Builder
		enc := ascii85.NewEncoder(&sb)
		enc.Write(b)
		if err := enc.Close(); err != nil {
			return nil, err
		}
		out = append(out, sb.String()) // LABEL: ok closeorder
	}
	return out, nil
}

// formBody returns the body while the deferred Close has not written the
// closing boundary.
func formBody(fields map[string]string) ([]byte, string, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	defer mw.Close()
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if err := mw.WriteField(k, fields[k]); err != nil {
			return nil, "", err
		}
	}
	return buf.Bytes(), mw.FormDataContentType(), nil // LABEL: bad closeorder
}

// buildPacket reads the header buffer, which no writer wraps, before the
// gzip writer over the body buffer is closed.
func buildPacket(hdr, payload []byte) ([]byte, error) {
	var head, body bytes.Buffer
	head.Write(hdr)
	gz := gzip.NewWriter(&body)
	if _, err := gz.Write(payload); err != nil {
		return nil, err
	}
	prefix := bytes.Clone(head.Bytes()) // LABEL: ok closeorder
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return append(prefix, body.Bytes()...), nil
}
