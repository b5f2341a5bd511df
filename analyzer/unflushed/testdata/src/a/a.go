package a

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"encoding/base64"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
)

func returnUnflushed(conn net.Conn, msg string) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(msg); err != nil {
		return err // ok: this path returns an error
	}
	return nil // want `bufio.Writer "bw" is not flushed before returning; buffered bytes would be lost`
}

func returnFlushed(conn net.Conn, msg string) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(msg); err != nil {
		return err
	}
	return bw.Flush() // ok: flushed and its error returned
}

func gzipFlushOnly(w io.Writer, p []byte) error {
	zw := gzip.NewWriter(w)
	zw.Write(p)
	if err := zw.Flush(); err != nil {
		return err
	}
	return nil // want `gzip.Writer "zw" is not closed before returning; the gzip footer would be lost`
}

func gzipClosed(w io.Writer, p []byte) error {
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(p); err != nil {
		return err
	}
	return zw.Close() // ok
}

func endOfFunc(conn net.Conn) {
	bw := bufio.NewWriter(conn)
	fmt.Fprintf(bw, "hello\n")
} // want `bufio.Writer "bw" is not flushed before the function ends; buffered bytes would be lost`

func earlyReturn(conn net.Conn, items []string, quick bool) error {
	bw := bufio.NewWriter(conn)
	for _, it := range items {
		bw.WriteString(it)
		if quick {
			return nil // want `bufio.Writer "bw" is not flushed before returning`
		}
	}
	return bw.Flush()
}

func closeDest(conn net.Conn) {
	bw := bufio.NewWriter(conn)
	bw.WriteString("bye")
	conn.Close() // want `bufio.Writer "bw" is not flushed before conn.Close; buffered bytes would be lost`
}

func closeDestThenFlush(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("bye")
	conn.Close()      // ok: the flush below follows the close; that order is closeorder's finding
	return bw.Flush() // ok
}

func csvUnflushed(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return nil // want `csv.Writer "cw" is not flushed before returning; buffered records would be lost`
}

func csvWriteAll(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	return cw.WriteAll(rows) // ok: WriteAll flushes
}

func zipUnclosed(w io.Writer) error {
	zw := zip.NewWriter(w)
	f, err := zw.Create("a.txt")
	if err != nil {
		return err
	}
	if _, err := f.Write([]byte("a")); err != nil {
		return err
	}
	return nil // want `zip.Writer "zw" is not closed before returning; the zip central directory would be lost`
}

func base64Unclosed(w io.Writer, p []byte) {
	enc := base64.NewEncoder(base64.StdEncoding, w)
	enc.Write(p)
} // want `base64.NewEncoder writer "enc" is not closed before the function ends; the final base64 block would be lost`

func hijacked(w http.ResponseWriter) {
	conn, rw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	rw.WriteString("HTTP/1.1 101 Switching Protocols\r\n\r\n")
	conn.Close() // want `bufio.ReadWriter "rw" is not flushed before conn.Close; buffered bytes would be lost`
}

func handlerClosure() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		zw := gzip.NewWriter(w)
		zw.Write([]byte("body"))
	}) // want `gzip.Writer "zw" is not closed before the function ends`
}

func handlerDeferred() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		zw := gzip.NewWriter(w)
		defer zw.Close() // ok: closed when the handler returns
		zw.Write([]byte("body"))
	})
}

func deferredClosure(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	defer func() {
		if err := bw.Flush(); err != nil {
			log.Print(err)
		}
	}()
	_, err := bw.WriteString("x") // ok: the deferred closure flushes on every path
	return err                    // want `error from \(\*bufio.Writer\).Flush on bw is checked but the function goes on to report success; a failed flush is answered as done`
}

func switchPaths(conn net.Conn, kind int) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("head")
	switch kind {
	case 1:
		return bw.Flush()
	case 2:
		return errors.New("bad kind") // ok: failure
	}
	return nil // want `bufio.Writer "bw" is not flushed before returning`
}

func selectPaths(conn net.Conn, done chan struct{}, data chan string) error {
	bw := bufio.NewWriter(conn)
	for {
		select {
		case <-done:
			return bw.Flush() // ok
		case s := <-data:
			bw.WriteString(s)
		}
	}
}

func panics(conn net.Conn) {
	bw := bufio.NewWriter(conn)
	bw.WriteString("x")
	panic("boom") // ok: not a success
}

func fatal(f *os.File) {
	bw := bufio.NewWriter(f)
	bw.WriteString("x")
	log.Fatal("stop") // ok: not a success
}

// Escapes: someone else may finish the writer.

func returned(w io.Writer) *bufio.Writer {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	return bw // ok: the caller flushes
}

type holder struct{ bw *bufio.Writer }

func stored(h *holder, w io.Writer) {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	h.bw = bw // ok: stored for later
}

func sent(ch chan *bufio.Writer, w io.Writer) {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	ch <- bw // ok: handed on
}

func goroutine(w io.Writer) {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	go func() { bw.Flush() }() // ok: captured by a goroutine
}

func neverWritten(w io.Writer) error {
	bw := bufio.NewWriter(w)
	_ = bw.Size()
	return nil // ok: nothing written
}

// The outcome must decide the result.

func loggedFlush(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("x")
	if err := bw.Flush(); err != nil {
		log.Print(err)
	}
	return nil // want `error from \(\*bufio.Writer\).Flush on bw is checked but the function goes on to report success; a failed flush is answered as done`
}

func returnedFlush(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("x")
	if err := bw.Flush(); err != nil { // ok: the error is returned
		return fmt.Errorf("flush: %w", err)
	}
	return nil
}

func loggedInHandler(w http.ResponseWriter) {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	if err := bw.Flush(); err != nil { // ok: a handler has no error to return
		log.Print(err)
	}
}

// Generics.

func generic[T any](w io.Writer, v T) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, v)
	return nil // want `bufio.Writer "bw" is not flushed before returning`
}

// Struct fields: the HTTP/1 shutdown shape.

type Conn struct {
	conn net.Conn
	bw   *bufio.Writer
}

func NewConn(c net.Conn) *Conn {
	cc := &Conn{conn: c}
	cc.bw = bufio.NewWriter(cc.conn)
	return cc
}

func (c *Conn) Send(p []byte) error {
	_, err := c.bw.Write(p)
	return err
}

func (c *Conn) Close() error {
	return c.conn.Close() // want `bufio.Writer "bw" is not flushed before c.conn.Close; buffered bytes would be lost`
}

type Flushed struct {
	conn net.Conn
	bw   *bufio.Writer
}

func NewFlushed(c net.Conn) *Flushed {
	return &Flushed{conn: c, bw: bufio.NewWriter(c)}
}

func (f *Flushed) flush() error { return f.bw.Flush() }

func (f *Flushed) Close() error {
	f.flush()
	return f.conn.Close() // ok: flushed first, through a method
}

type Stopper struct {
	conn net.Conn
	bw   *bufio.Writer
}

func NewStopper(c net.Conn) *Stopper {
	return &Stopper{conn: c, bw: bufio.NewWriter(c)}
}

func (s *Stopper) Stop() {
	s.conn.Close() // want `bufio.Writer "bw" is not flushed before s.conn.Close`
}

// The path knows err is non-nil on the false branch of err == nil.

func copyThenClose(w io.Writer, r io.Reader) error {
	zw := gzip.NewWriter(w)
	_, err := io.Copy(zw, r)
	if err == nil {
		err = zw.Close()
	}
	return err // ok: when Close was skipped, err is non-nil
}

func copyThenCloseNil(w io.Writer, r io.Reader) error {
	zw := gzip.NewWriter(w)
	_, err := io.Copy(zw, r)
	if err == nil {
		err = zw.Close()
	}
	return nil // want `gzip.Writer "zw" is not closed before returning`
}

// A writer known only by structure may be finished by any method that
// does not write.

type blockWriter struct{ w io.Writer }

func (b blockWriter) Write(p []byte) (int, error) { return b.w.Write(p) }
func (b blockWriter) Flush() error                { return nil }
func (b blockWriter) close()                      { b.Flush() }

func newBlockWriter(w io.Writer) blockWriter { return blockWriter{w} }

func structural(w io.Writer) {
	bw := newBlockWriter(w)
	bw.Write([]byte("x"))
	bw.close() // ok: a method of the writer's own that may finish it
}

func aliasOfField(h *holder) {
	bw := h.bw
	bw.WriteString("x") // ok: obtained from a field, owned by h
}

func methodValue(conn net.Conn, words []string) error {
	bw := bufio.NewWriter(conn)
	put := bw.WriteString
	for _, w := range words {
		if _, err := put(w); err != nil {
			return err
		}
	}
	return nil // want `bufio.Writer "bw" is not flushed before returning`
}

func methodValueFlush(conn net.Conn, words []string) func() error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("x")
	return bw.Flush // ok: the caller flushes through the method value
}

func handledInGoroutine(pw io.WriteCloser, src io.Reader) {
	go func() {
		gz := gzip.NewWriter(pw)
		_, err := io.Copy(gz, src)
		if err == nil {
			err = gz.Close()
		}
		if err != nil {
			log.Printf("stream: %v", err) // ok: on the path that skips Close an error was found and handled
		}
	}()
}
