package closeorder

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"mime/multipart"
	"net/http"
	"strings"

	"heldout/third/zstd"
)

// gzipBytes reads the buffer before the gzip footer is written.
func gzipBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	if _, err := gz.Write(data); err != nil {
		return nil, err
	}
	out := buf.Bytes() // LABEL: bad closeorder
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

// gzipDeferred returns the buffer while the deferred Close has not run yet.
func gzipDeferred(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	defer gz.Close()
	if _, err := gz.Write(data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: bad closeorder
}

// tokenString reads a strings.Builder before the base64 encoder's last block.
func tokenString(raw []byte) string {
	var sb strings.Builder
	enc := base64.NewEncoder(base64.RawURLEncoding, &sb)
	defer enc.Close()
	enc.Write(raw)
	return sb.String() // LABEL: bad closeorder
}

// encodeB64 reads a bytes.Buffer before the encoder is closed.
func encodeB64(raw []byte) (string, error) {
	var buf bytes.Buffer
	enc := base64.NewEncoder(base64.StdEncoding, &buf)
	if _, err := enc.Write(raw); err != nil {
		return "", err
	}
	s := buf.String() // LABEL: bad closeorder
	if err := enc.Close(); err != nil {
		return "", err
	}
	return s, nil
}

// zipInMemory returns the archive before the central directory is written.
func zipInMemory(files map[string]string) ([]byte, error) {
	buf := new(bytes.Buffer)
	zw := zip.NewWriter(buf)
	defer zw.Close()
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(body)); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil // LABEL: bad closeorder
}

// tarInMemory copies the buffer before the tar trailer.
func tarInMemory(name string, body []byte) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}); err != nil {
		return nil, err
	}
	if _, err := tw.Write(body); err != nil {
		return nil, err
	}
	out := bytes.Clone(buf.Bytes()) // LABEL: bad closeorder
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

// zlibDeferred returns before the deferred zlib Close writes the checksum.
func zlibDeferred(data []byte) []byte {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	defer zw.Close()
	zw.Write(data)
	return buf.Bytes() // LABEL: bad closeorder
}

// deflateAfterFlush reads after a sync flush: the final block is still missing.
func deflateAfterFlush(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(data); err != nil {
		return nil, err
	}
	if err := fw.Flush(); err != nil {
		return nil, err
	}
	out := buf.Bytes() // LABEL: bad closeorder
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return out, nil
}

// base32Name reads before Close pads the last group.
func base32Name(id []byte) string {
	var buf bytes.Buffer
	enc := base32.NewEncoder(base32.StdEncoding, &buf)
	enc.Write(id)
	name := buf.String() // LABEL: bad closeorder
	enc.Close()
	return name
}

// hexDump returns before the Dumper writes its last line.
func hexDump(data []byte) string {
	var sb strings.Builder
	d := hex.Dumper(&sb)
	defer d.Close()
	d.Write(data)
	return sb.String() // LABEL: bad closeorder
}

// newUploadRequest snapshots the body before the closing boundary.
func newUploadRequest(url string, fields map[string]string) (*http.Request, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body.Bytes())) // LABEL: bad closeorder
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return req, nil
}

// gzipJSONHandler writes the compressed body before the deferred Close.
func gzipJSONHandler(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	defer gz.Close()
	gz.Write([]byte(`{"status":"ok"}`))
	w.Header().Set("Content-Encoding", "gzip")
	w.Write(buf.Bytes()) // LABEL: bad closeorder
}

// zstdDeferred returns before the third-party encoder writes its trailer.
func zstdDeferred(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	enc, err := zstd.NewWriter(&buf)
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	if _, err := enc.Write(data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: bad closeorder
}

// ---- near-misses ----

// gzipBytesOK closes before reading.
func gzipBytesOK(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	if _, err := gz.Write(data); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: ok closeorder
}

// gzipScoped closes inside a function literal whose defer runs before the read.
func gzipScoped(data []byte) []byte {
	var buf bytes.Buffer
	func() {
		gz := gzip.NewWriter(&buf)
		defer gz.Close()
		gz.Write(data)
	}()
	return buf.Bytes() // LABEL: ok closeorder
}

// framed reads a separate header buffer before closing the body's compressor.
func framed(data []byte) ([]byte, error) {
	var hdr, body bytes.Buffer
	gz := gzip.NewWriter(&body)
	hdr.WriteString("FRAME\n")
	prefix := hdr.Bytes() // LABEL: ok closeorder
	if _, err := gz.Write(data); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return append(bytes.Clone(prefix), body.Bytes()...), nil
}

// compressSource reads the source buffer, which is not under the compressor.
func compressSource(src *bytes.Buffer) ([]byte, error) {
	var out bytes.Buffer
	zw := zlib.NewWriter(&out)
	if _, err := zw.Write(src.Bytes()); err != nil { // LABEL: ok closeorder
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// tokenStringOK closes the encoder before reading.
func tokenStringOK(raw []byte) string {
	var sb strings.Builder
	enc := base64.NewEncoder(base64.RawURLEncoding, &sb)
	enc.Write(raw)
	enc.Close()
	return sb.String() // LABEL: ok closeorder
}

// zipInMemoryOK closes explicitly before reading; the deferred Close is a no-op.
func zipInMemoryOK(files map[string]string) ([]byte, error) {
	buf := new(bytes.Buffer)
	zw := zip.NewWriter(buf)
	defer zw.Close()
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: ok closeorder
}

// newUploadRequestOK closes the multipart writer before building the request.
func newUploadRequestOK(url string, fields map[string]string) (*http.Request, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body.Bytes())) // LABEL: ok closeorder
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req, nil
}

// streamChunks sends each sync-flushed chunk as it is produced and the
// tail after Close: reading between Flush and Close is the point here.
func streamChunks(chunks [][]byte, send func([]byte) error) error {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	for _, c := range chunks {
		if _, err := gz.Write(c); err != nil {
			return err
		}
		if err := gz.Flush(); err != nil {
			return err
		}
		if err := send(buf.Bytes()); err != nil { // LABEL: ok closeorder
			return err
		}
		buf.Reset()
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return send(buf.Bytes())
}
