package discard

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"mime/multipart"
	"net"
	"os"
	"strings"
	"text/tabwriter"
	"time"
)

// compressFile drops the gzip Close: the footer write to the file may fail.
func compressFile(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	if _, err := gz.Write(data); err != nil {
		f.Close()
		return err
	}
	gz.Close() // LABEL: bad discard
	return f.Close()
}

// exportZip blanks the zip Close, which writes the central directory.
func exportZip(path string, files map[string][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			f.Close()
			return err
		}
		if _, err := w.Write(body); err != nil {
			f.Close()
			return err
		}
	}
	_ = zw.Close() // LABEL: bad discard
	return f.Close()
}

// streamTar sends a tar over a connection and drops the trailer write.
func streamTar(conn net.Conn, name string, body []byte) error {
	tw := tar.NewWriter(conn)
	hdr := &tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), ModTime: time.Now()}
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	if _, err := tw.Write(body); err != nil {
		return err
	}
	tw.Close() // LABEL: bad discard
	return nil
}

// writeBase64File encodes into a file and ignores the final block.
func writeBase64File(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, f)
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	enc.Close() // LABEL: bad discard
	return f.Close()
}

// sendBase32 defers the encoder Close over a connection.
func sendBase32(conn net.Conn, data []byte) error {
	enc := base32.NewEncoder(base32.StdEncoding, conn)
	defer enc.Close() // LABEL: bad discard
	_, err := enc.Write(data)
	return err
}

// writeAscii85 ignores the ascii85 encoder's Close.
func writeAscii85(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := ascii85.NewEncoder(f)
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	_ = enc.Close() // LABEL: bad discard
	return f.Close()
}

// dumpToFile hex-dumps into a file and drops the Dumper's final line.
func dumpToFile(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	d := hex.Dumper(f)
	if _, err := d.Write(data); err != nil {
		f.Close()
		return err
	}
	d.Close() // LABEL: bad discard
	return f.Close()
}

// spoolMultipart writes a multipart body to disk and drops the closing boundary's error.
func spoolMultipart(path string, fields map[string]string) (string, error) {
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	mw := multipart.NewWriter(f)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			f.Close()
			return "", err
		}
	}
	mw.Close() // LABEL: bad discard
	if err := f.Close(); err != nil {
		return "", err
	}
	return mw.FormDataContentType(), nil
}

// sendZlib compresses onto a connection; the zlib checksum write is dropped.
func sendZlib(conn net.Conn, data []byte) error {
	zw := zlib.NewWriter(conn)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	_ = zw.Close() // LABEL: bad discard
	return nil
}

// sendDeflate defers a flate Close over a connection.
func sendDeflate(conn net.Conn, data []byte) error {
	fw, err := flate.NewWriter(conn, flate.BestSpeed)
	if err != nil {
		return err
	}
	defer fw.Close() // LABEL: bad discard
	_, err = fw.Write(data)
	return err
}

// writeLZW drops the lzw Close, which emits the final code.
func writeLZW(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := lzw.NewWriter(f, lzw.LSB, 8)
	if _, err := w.Write(data); err != nil {
		f.Close()
		return err
	}
	w.Close() // LABEL: bad discard
	return f.Close()
}

// sendGzip defers the gzip Close over a connection: the footer's error is lost.
func sendGzip(conn net.Conn, data []byte) error {
	gz := gzip.NewWriter(conn)
	defer gz.Close() // LABEL: bad discard
	_, err := gz.Write(data)
	return err
}

// ---- near-misses ----

// gzipBytes closes a gzip writer over a bytes.Buffer: the sink cannot fail.
func gzipBytes(data []byte) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	gz.Write(data)
	gz.Close() // LABEL: ok discard
	return buf.Bytes()
}

// zipBytes builds an archive in memory.
func zipBytes(name string, body []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		return nil, err
	}
	w.Write(body)
	_ = zw.Close() // LABEL: ok discard
	return buf.Bytes(), nil
}

// tarBytes builds a tar in memory.
func tarBytes(name string, body []byte) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(body))}); err != nil {
		return nil, err
	}
	tw.Write(body)
	tw.Close() // LABEL: ok discard
	return buf.Bytes(), nil
}

// b64String encodes into a strings.Builder.
func b64String(data []byte) string {
	var sb strings.Builder
	enc := base64.NewEncoder(base64.URLEncoding, &sb)
	enc.Write(data)
	enc.Close() // LABEL: ok discard
	return sb.String()
}

// hexDumpString dumps into a strings.Builder.
func hexDumpString(data []byte) string {
	var sb strings.Builder
	d := hex.Dumper(&sb)
	d.Write(data)
	d.Close() // LABEL: ok discard
	return sb.String()
}

// multipartBody builds a request body in memory.
func multipartBody(fields map[string]string) (*bytes.Buffer, string) {
	body := &bytes.Buffer{}
	mw := multipart.NewWriter(body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close() // LABEL: ok discard
	return body, mw.FormDataContentType()
}

// alignedTable flushes a tabwriter over a bytes.Buffer.
func alignedTable(rows [][]string) string {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 8, 1, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush() // LABEL: ok discard
	return buf.String()
}

// compressChecked ignores sticky gzip writes; Close decides.
func compressChecked(path string, chunks [][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	for _, c := range chunks {
		gz.Write(c) // LABEL: ok discard
	}
	if err := gz.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// compressWrapped returns the gzip Close error wrapped.
func compressWrapped(conn net.Conn, data []byte) error {
	gz := gzip.NewWriter(conn)
	if _, err := gz.Write(data); err != nil {
		return err
	}
	if err := gz.Close(); err != nil { // LABEL: ok discard
		return fmt.Errorf("gzip footer: %w", err)
	}
	return nil
}

// zlibInMemory closes zlib over a buffer with defer and reads after an explicit Close.
func zlibInMemory(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	defer zw.Close() // LABEL: ok discard
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// gzipReader closes a gzip reader: a reader's Close.
func gunzipFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer zr.Close() // LABEL: ok discard
	var out bytes.Buffer
	_, err = out.ReadFrom(zr)
	return out.Bytes(), err
}

// listZip closes a zip.ReadCloser.
func listZip(path string) ([]string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close() // LABEL: ok discard
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names, nil
}
