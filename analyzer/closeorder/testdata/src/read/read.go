package read

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// --- reading the result too early ---

func deferredClose(p []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	defer zw.Close()
	zw.Write(p)
	return buf.Bytes() // want `buf.Bytes\(\) runs before the deferred zw.Close\(\); the gzip footer is missing from the result`
}

func explicitCloseFirst(p []byte) ([]byte, error) { // ok: closed, then read
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(p); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func readThenClose(p []byte) (string, error) {
	buf := new(bytes.Buffer)
	enc := base64.NewEncoder(base64.StdEncoding, buf)
	enc.Write(p)
	s := buf.String() // want `buf.String\(\) runs before enc.Close\(\); the final base64 block is missing from the result`
	return s, enc.Close()
}

func sameStatement(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(p)
	return buf.Bytes(), zw.Close() // want `buf.Bytes\(\) runs before zw.Close\(\)`
}

func sameStatementOK(p []byte) (error, []byte) { // ok: Close is evaluated first
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(p)
	return zw.Close(), buf.Bytes()
}

func zipEntries(files map[string][]byte) []byte {
	buf := &bytes.Buffer{}
	zw := zip.NewWriter(buf)
	defer zw.Close()
	for name, data := range files {
		fw, _ := zw.Create(name)
		fw.Write(data)
	}
	return buf.Bytes() // want `buf.Bytes\(\) runs before the deferred zw.Close\(\); the zip central directory is missing from the result`
}

func csvBuilder(rows [][]string) string {
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	defer w.Flush()
	for _, r := range rows {
		w.Write(r)
	}
	return sb.String() // want `sb.String\(\) runs before the deferred w.Flush\(\); buffered records of csv.Writer "w" are missing from the result`
}

func csvBuilderOK(rows [][]string) (string, error) { // ok: flushed before reading
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	for _, r := range rows {
		w.Write(r)
	}
	w.Flush()
	return sb.String(), w.Error()
}

func streamingChunks(chunks [][]byte, emit func([]byte)) error { // ok: Flush before each read streams a chunk
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for _, c := range chunks {
		zw.Write(c)
		if err := zw.Flush(); err != nil {
			return err
		}
		emit(buf.Bytes())
		buf.Reset()
	}
	if err := zw.Close(); err != nil {
		return err
	}
	emit(buf.Bytes())
	return nil
}

func bufioReadEarly(p []byte) string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	bw.Write(p)
	s := buf.String() // want `buf.String\(\) runs before bw.Flush\(\); buffered bytes of bufio.Writer "bw" are missing from the result`
	bw.Flush()
	return s
}

func readBeforeWrite(p []byte) (int, []byte, error) { // ok: nothing written yet when the length is read
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	n := len(buf.Bytes())
	zw.Write(p)
	err := zw.Close()
	return n, buf.Bytes(), err
}

func readOnError(p []byte) ([]byte, error) { // ok: the partial buffer is logged on a path that returns the error
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(p); err != nil {
		println(buf.String())
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func helperCloses(p []byte) []byte { // ok: closeIt closes zw before the read
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	defer zw.Close()
	zw.Write(p)
	closeIt(zw)
	return buf.Bytes()
}

func closeIt(zw *gzip.Writer) { zw.Close() }

func neverClosed(p []byte) []byte { // ok here: never closed at all is the unflushed check's finding
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(p)
	return buf.Bytes()
}

// A writer of the package recognized by structure: made over an
// io.Writer by a constructor, with a Close that writes (lipgloss's Wrap
// once returned before its deferred Close wrote the style reset).
type styleWriter struct {
	w     io.Writer
	style bool
}

func newStyleWriter(w io.Writer) *styleWriter { return &styleWriter{w: w} }

func (s *styleWriter) Write(p []byte) (int, error) { s.style = true; return s.w.Write(p) }

func (s *styleWriter) Close() error {
	if s.style {
		_, err := s.w.Write([]byte("\x1b[0m"))
		return err
	}
	return nil
}

func wrap(s string) string {
	var buf bytes.Buffer
	w := newStyleWriter(&buf)
	defer w.Close()
	io.WriteString(w, s)
	return buf.String() // want `buf.String\(\) runs before the deferred w.Close\(\); data held by read.styleWriter "w" is missing from the result`
}

func wrapOK(s string) (string, error) { // ok: closed before reading
	var buf bytes.Buffer
	w := newStyleWriter(&buf)
	io.WriteString(w, s)
	if err := w.Close(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func flushedButDeferredClose(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	defer zw.Close()
	zw.Write(p)
	if err := zw.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // want `buf.Bytes\(\) runs before the deferred zw.Close\(\); the gzip footer is missing from the result`
}

func postBeforeClose(url string, v any) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	defer zw.Close()
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return err
	}
	resp, err := http.Post(url, "application/json", &buf) // want `http.Post\(url, "application/json", &buf\) reads buf before the deferred zw.Close\(\); the gzip footer is missing from what it reads`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func postAfterClose(url string, v any) error { // ok: closed before the buffer is sent
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	resp, err := http.Post(url, "application/json", &buf)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func copyBeforeFlush(dst io.Writer, rows [][]string) error {
	buf := new(bytes.Buffer)
	w := csv.NewWriter(buf)
	w.WriteAll(rows[:1])
	for _, r := range rows[1:] {
		w.Write(r)
	}
	_, err := io.Copy(dst, buf) // want `io.Copy\(dst, buf\) reads buf before w.Flush\(\); buffered records of csv.Writer "w" are missing from what it reads`
	w.Flush()
	return err
}

// --- a snapshot taken after a Flush, kept past the Close ---

func snapshotAfterFlush(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(p)
	if err := zw.Flush(); err != nil {
		return nil, err
	}
	snap := buf.Bytes() // want `buf.Bytes\(\) runs before zw.Close\(\), and buf is not read after it; the gzip footer is missing from the result`
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return snap, nil
}

func snapshotThenTail(p []byte) ([]byte, error) { // ok: the buffer is read again after the Close, for the tail
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(p)
	if err := zw.Flush(); err != nil {
		return nil, err
	}
	head := bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return append(head, buf.Bytes()...), nil
}

func snapshotBufferEscapes(p []byte, keep func(*bytes.Buffer)) ([]byte, error) { // ok: the buffer goes to a function that may read the rest
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(p)
	zw.Flush()
	snap := bytes.Clone(buf.Bytes())
	err := zw.Close()
	keep(&buf)
	return snap, err
}
