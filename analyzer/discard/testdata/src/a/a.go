package a

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
)

// --- bufio.Writer ---

func flushBlank(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("hello") // ok: sticky writer, its error comes back from Flush
	_ = bw.Flush()          // want `error from \(\*bufio.Writer\).Flush on bw is discarded just before returning; buffered bytes may not be written`
	return nil
}

func flushChecked(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("hello") // ok: sticky writer, the final Flush is checked
	return bw.Flush()       // ok: returned
}

func flushBeforeClose(conn net.Conn) {
	bw := bufio.NewWriter(conn)
	bw.WriteString("bye")
	bw.Flush()   // want `error from \(\*bufio.Writer\).Flush on bw is discarded before conn.Close; buffered bytes may not be written`
	conn.Close() // ok: closing a connection reports nothing about delivery
}

func flushIntoBuffer() string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	bw.WriteString("x")
	bw.Flush() // ok: a bufio.Writer over a bytes.Buffer cannot fail
	return buf.String()
}

func flushStdout() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush() // ok: standard output
	fmt.Fprintln(w, "hi")
}

func flushEmptyCheck(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	if err := bw.Flush(); err != nil { // want `error from \(\*bufio.Writer\).Flush on bw is checked but nothing is done about it`
	}
	return nil
}

func flushLogged(conn net.Conn) {
	bw := bufio.NewWriter(conn)
	if err := bw.Flush(); err != nil { // ok: the error is handled
		log.Print(err)
	}
}

// --- gzip, zip, tar, base64 ---

func gzipDeferred(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	defer zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded in a deferred call; the gzip footer may not be written`
	_, err := zw.Write(data)
	return err
}

func gzipSafetyNet(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	defer zw.Close() // ok: safety net, the Close below is checked
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}

func gzipIntoBuffer(data []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close() // ok: the destination cannot fail
	return buf.Bytes()
}

func zipDeferred(f *os.File) error {
	zw := zip.NewWriter(f)
	defer zw.Close() // want `error from \(\*zip.Writer\).Close on zw is discarded in a deferred call; the zip central directory may not be written`
	w, err := zw.Create("a.txt")
	if err != nil {
		return err
	}
	_, err = w.Write([]byte("a"))
	return err
}

func tarStatement(w io.Writer) {
	tw := tar.NewWriter(w)
	tw.Close() // want `error from \(\*tar.Writer\).Close on tw is discarded just before returning; the tar trailer may not be written`
}

func base64Blank(w io.Writer, p []byte) {
	enc := base64.NewEncoder(base64.StdEncoding, w)
	enc.Write(p)
	_ = enc.Close() // want `error from \(io.WriteCloser\).Close on enc is discarded just before returning; the final base64 block may not be written`
}

// --- files ---

func createDeferred(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `error from \(\*os.File\).Close on f is discarded in a deferred call; data written to the file may not reach the disk`
	_, err = f.Write(p)
	return err
}

func openDeferred(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() // ok: read-only file
	return io.ReadAll(f)
}

func openFileReadOnly(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close() // ok: opened read-only
	return nil
}

func openFileAppend(path string, p []byte) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close() // want `error from \(\*os.File\).Close on f is discarded in a deferred call`
	_, err = f.Write(p)
	return err
}

func writtenParam(f *os.File, p []byte) {
	f.Write(p) // want `error from \(\*os.File\).Write on f is discarded just before returning; a short or failed write goes unnoticed`
}

func unknownFileClose(f *os.File) {
	f.Close() // ok: not known to be written to
}

func writeErrorPath(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(p); err != nil {
		f.Close() // ok: this path already returns an error
		return err
	}
	return f.Close()
}

func writeErrorPathWrapped(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(p); err != nil {
		f.Close() // ok: this path returns a constructed error
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func writeThenNilReturn(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	f.Write(p) // want `error from \(\*os.File\).Write on f is discarded`
	f.Close()  // want `error from \(\*os.File\).Close on f is discarded just before returning`
	return nil
}

var errShort = errors.New("short")

func sentinelPath(f *os.File, p []byte, ok bool) error {
	if !ok {
		f.Close() // ok: returns a sentinel error
		return errShort
	}
	return nil
}

func fatalPath(path string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := f.WriteString("x"); err != nil {
		f.Close() // ok: log.Fatal follows
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// --- connections and copies ---

func connWrite(conn net.Conn, p []byte) {
	n, _ := conn.Write(p) // want `error from \(net.Conn\).Write on conn is discarded; a short or failed write goes unnoticed`
	_ = n
}

func copyToConn(conn net.Conn, r io.Reader) {
	_, _ = io.Copy(conn, r) // want `error from io.Copy to conn is discarded just before returning; the rest of the stream may be lost unnoticed`
}

func drain(r io.Reader) {
	io.Copy(io.Discard, r) // ok: draining into io.Discard
}

func hashing(r io.Reader) uint32 {
	h := crc32.NewIEEE()
	io.Copy(h, r) // ok: a hash cannot fail
	return h.Sum32()
}

func stringsCopy(w http.ResponseWriter) {
	io.Copy(w, strings.NewReader("static")) // ok: only the client can fail, and it is gone
}

func proxyBody(w http.ResponseWriter, resp *http.Response) {
	defer resp.Body.Close() // ok: closing a reader
	io.Copy(w, resp.Body)   // want `error from io.Copy to w is discarded just before returning; the response may end short while the handler reports success`
}

func handlerWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))   // ok: the client went away, nobody to tell
	fmt.Fprintf(w, "%d", 1) // ok: same
}

func fprintToConn(conn net.Conn) {
	fmt.Fprintf(conn, "HELLO\r\n") // want `error from fmt.Fprintf to conn is discarded`
}

func fprintToUnknown(w io.Writer) {
	fmt.Fprintf(w, "x") // ok: unknown writer, may be any of the above
}

func pipeClose(pw *io.PipeWriter) {
	pw.Close() // ok: io.PipeWriter.Close always returns nil
}

func closeWrite(c *net.TCPConn) {
	c.CloseWrite() // want `error from \(\*net.TCPConn\).CloseWrite on c is discarded just before returning; the end of the stream may not reach the peer`
}

func goFlush(bw *bufio.Writer) {
	go bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded in a goroutine`
}

// --- csv ---

func csvNoError(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	for _, r := range rows {
		cw.Write(r) // ok: sticky, read with Error()
	}
	cw.Flush() // want `\(\*csv.Writer\).Flush on cw has no result and cw.Error\(\) is not read after it; buffered records may not be written`
	return nil
}

func csvError(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.WriteAll(rows[:1]) // ok: sticky, Error() below returns the same error
	cw.Flush()            // ok: Error() is read below
	return cw.Error()
}

func csvWriteAll(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.WriteAll(rows) // want `error from \(\*csv.Writer\).WriteAll on cw is discarded just before returning; buffered records may not be written`
	return nil
}

func csvParam(cw *csv.Writer) {
	cw.Flush() // ok: the caller owns cw and may read Error()
}

func csvBuffer(rows [][]string) string {
	var sb strings.Builder
	cw := csv.NewWriter(&sb)
	cw.WriteAll(rows) // ok: cannot fail
	cw.Flush()        // ok: cannot fail
	return sb.String()
}

// --- upload-style writers ---

type uploader interface {
	NewWriter(name string) io.WriteCloser
}

func upload(u uploader, p []byte) {
	w := u.NewWriter("x")
	w.Write(p)
	w.Close() // want `error from \(io.WriteCloser\).Close on w is discarded just before returning; data written to it may not be committed`
}

func notWritten(u uploader) {
	w := u.NewWriter("x")
	w.Close() // ok: nothing written
}
