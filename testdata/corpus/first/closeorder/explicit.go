package closeorder

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"sync"
	"text/tabwriter"
)

// logRotator keeps a gzip stream over the current file.
type logRotator struct {
	path string
	f    *os.File
	gz   *gzip.Writer
}

func (r *logRotator) Write(p []byte) (int, error) { return r.gz.Write(p) }

// rotate closes the file before the gzip writer that feeds it.
func (r *logRotator) rotate() error {
	if err := r.f.Close(); err != nil { // LABEL: bad closeorder
		return err
	}
	if err := r.gz.Close(); err != nil {
		log.Printf("rotate: gzip close: %v", err)
	}
	if err := os.Rename(r.path, r.path+".1.gz"); err != nil {
		return err
	}
	f, err := os.Create(r.path)
	if err != nil {
		return err
	}
	r.f = f
	r.gz = gzip.NewWriter(f)
	return nil
}

// grpcTransport is reduced from an HTTP/2 transport whose Close closed
// the socket before the last frame (GOAWAY) left the write buffer.
type grpcTransport struct {
	mu   sync.Mutex
	conn net.Conn
	bw   *bufio.Writer
}

func newGRPCTransport(conn net.Conn) *grpcTransport {
	t := &grpcTransport{conn: conn}
	t.bw = bufio.NewWriterSize(t.conn, 32<<10)
	return t
}

func (t *grpcTransport) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, err := t.bw.Write([]byte{0, 0, 8, 7, 0, 0, 0, 0, 0}); err != nil {
		log.Printf("goaway: %v", err)
	}
	err := t.conn.Close() // LABEL: bad closeorder
	if ferr := t.bw.Flush(); ferr != nil {
		log.Printf("flush after close: %v", ferr)
	}
	return err
}

// sendRequest half-closes before the deferred flush has sent the request.
func sendRequest(conn *net.TCPConn, req []byte) error {
	bw := bufio.NewWriter(conn)
	defer func() {
		if err := bw.Flush(); err != nil {
			log.Printf("flush: %v", err)
		}
	}()
	if _, err := bw.Write(req); err != nil {
		return err
	}
	if err := conn.CloseWrite(); err != nil { // LABEL: bad closeorder
		return err
	}
	return nil
}

// compressBuffered flushes the bufio.Writer before the gzip footer goes into it:
// the footer stays in the buffer and never reaches the file.
func compressBuffered(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	gz := gzip.NewWriter(bw)
	if _, err := gz.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil { // LABEL: bad closeorder
		f.Close()
		return err
	}
	if err := gz.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// encodeBuffered flushes before the base64 encoder's final block.
func encodeBuffered(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil { // LABEL: bad closeorder
		f.Close()
		return err
	}
	if err := enc.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// tableBuffered flushes the bufio.Writer before the tabwriter emits the table.
func tableBuffered(conn net.Conn, rows [][2]string) error {
	bw := bufio.NewWriter(conn)
	tw := tabwriter.NewWriter(bw, 0, 8, 1, ' ', 0)
	for _, r := range rows {
		if _, err := fmt.Fprintf(tw, "%s\t%s\n", r[0], r[1]); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil { // LABEL: bad closeorder
		return err
	}
	return tw.Flush()
}

// streamForm closes the pipe before the multipart closing boundary.
func streamForm(url string, fields map[string]string) (*http.Response, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		for k, v := range fields {
			if err := mw.WriteField(k, v); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.Close() // LABEL: bad closeorder
		if err := mw.Close(); err != nil {
			log.Printf("multipart close: %v", err)
		}
	}()
	return http.Post(url, mw.FormDataContentType(), pr)
}

// gzipStream closes the pipe before the gzip writer.
func gzipStream(src io.Reader) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		gz := gzip.NewWriter(pw)
		_, err := io.Copy(gz, src)
		pw.Close() // LABEL: bad closeorder
		if err == nil {
			err = gz.Close()
		}
		if err != nil {
			log.Printf("gzip stream: %v", err)
		}
	}()
	return pr
}

// hijackBye closes the hijacked connection before flushing its buffer.
func hijackBye(w http.ResponseWriter, r *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return
	}
	conn, bufrw, err := hj.Hijack()
	if err != nil {
		return
	}
	if _, err := bufrw.WriteString("HTTP/1.1 410 Gone\r\nConnection: close\r\n\r\n"); err != nil {
		log.Printf("hijack write: %v", err)
	}
	conn.Close() // LABEL: bad closeorder
	if err := bufrw.Flush(); err != nil {
		log.Printf("hijack flush: %v", err)
	}
}

// packageZip closes the file explicitly; the deferred zip Close runs after it.
func packageZip(dst string, files map[string][]byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	defer logClose("zip", zw)
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
	return f.Close() // LABEL: bad closeorder
}

// ---- near-misses ----

// rotateOK closes the gzip writer, then the file.
func (r *logRotator) rotateOK() error {
	if err := r.gz.Close(); err != nil {
		r.f.Close()
		return err
	}
	if err := r.f.Close(); err != nil { // LABEL: ok closeorder
		return err
	}
	if err := os.Rename(r.path, r.path+".1.gz"); err != nil {
		return err
	}
	f, err := os.Create(r.path)
	if err != nil {
		return err
	}
	r.f = f
	r.gz = gzip.NewWriter(f)
	return nil
}

// CloseOK flushes the frame, then closes the socket.
func (t *grpcTransport) CloseOK() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, err := t.bw.Write([]byte{0, 0, 8, 7, 0, 0, 0, 0, 0}); err != nil {
		t.conn.Close()
		return err
	}
	if err := t.bw.Flush(); err != nil {
		t.conn.Close() // LABEL: ok closeorder
		return err
	}
	return t.conn.Close() // LABEL: ok closeorder
}

// sendRequestOK flushes, then half-closes.
func sendRequestOK(conn *net.TCPConn, req []byte) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(req); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return conn.CloseWrite() // LABEL: ok closeorder
}

// proxyHalfClose copies without a buffered writer, then half-closes the destination.
func proxyHalfClose(dst, src *net.TCPConn) error {
	if _, err := io.Copy(dst, src); err != nil {
		return err
	}
	return dst.CloseWrite() // LABEL: ok closeorder
}

// compressBufferedOK finishes from the top down: gzip, bufio, file.
func compressBufferedOK(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	gz := gzip.NewWriter(bw)
	if _, err := gz.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := gz.Close(); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil { // LABEL: ok closeorder
		f.Close()
		return err
	}
	return f.Close()
}

// validateThenSend closes the connection on a failing path before the flush
// that the success path reaches.
func validateThenSend(conn net.Conn, msg string) error {
	bw := bufio.NewWriter(conn)
	if msg == "" {
		conn.Close() // LABEL: ok closeorder
		return fmt.Errorf("empty message")
	}
	if _, err := bw.WriteString(msg); err != nil {
		return err
	}
	return bw.Flush()
}

// packageZipOK closes the zip writer before the file; error paths close the file only.
func packageZipOK(dst string, files map[string][]byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			f.Close() // LABEL: ok closeorder
			return err
		}
		if _, err := w.Write(body); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok closeorder
}

// streamFormOK closes the multipart writer, then the pipe.
func streamFormOK(url string, fields map[string]string) (*http.Response, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		for k, v := range fields {
			if err := mw.WriteField(k, v); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.CloseWithError(mw.Close()) // LABEL: ok closeorder
	}()
	return http.Post(url, mw.FormDataContentType(), pr)
}

// hijackByeOK flushes, then closes.
func hijackByeOK(w http.ResponseWriter, r *http.Request) {
	conn, bufrw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	bufrw.WriteString("HTTP/1.1 410 Gone\r\nConnection: close\r\n\r\n")
	if err := bufrw.Flush(); err != nil {
		log.Printf("hijack flush: %v", err)
	}
	conn.Close() // LABEL: ok closeorder
}
