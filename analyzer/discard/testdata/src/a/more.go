package a

import (
	"bufio"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"io"
	"log"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httputil"
	"os"
	"text/tabwriter"
)

func tabFlush(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 8, 1, ' ', 0)
	defer tw.Flush() // want `error from \(\*tabwriter.Writer\).Flush on tw is discarded in a deferred call; the buffered table may not be written`
}

func tabStdout() {
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	defer tw.Flush() // ok: standard output
}

func xmlFlush(w io.Writer, v any) error {
	enc := xml.NewEncoder(w)
	if err := enc.Encode(v); err != nil {
		return err
	}
	enc.Flush() // want `error from \(\*xml.Encoder\).Flush on enc is discarded just before returning; buffered XML may not be written`
	return nil
}

func multipartClose(w io.Writer) error {
	mw := multipart.NewWriter(w)
	part, err := mw.CreateFormField("a")
	if err != nil {
		return err
	}
	part.Write([]byte("x")) // ok: the part writes through mw to an unknown writer
	mw.Close()              // want `error from \(\*multipart.Writer\).Close on mw is discarded just before returning; the closing multipart boundary may not be written`
	return nil
}

func dumper(w io.Writer, p []byte) {
	d := hex.Dumper(w)
	d.Write(p) // ok: unknown-behaviour write through an interface
	d.Close()  // want `error from \(io.WriteCloser\).Close on d is discarded just before returning; the last line of the hex dump may not be written`
}

func chunked(w io.Writer, p []byte) {
	cw := httputil.NewChunkedWriter(w)
	cw.Write(p)
	cw.Close() // want `error from \(io.WriteCloser\).Close on cw is discarded just before returning; the last chunk may not be written`
}

func hijack(w http.ResponseWriter) {
	conn, rw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	rw.WriteString("HTTP/1.1 101 Switching Protocols\r\n\r\n")
	rw.Flush()   // want `error from \(\*bufio.ReadWriter\).Flush on rw is discarded before conn.Close; buffered bytes may not be written`
	conn.Close() // ok: closing the connection
}

func controller(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	rc.Flush() // want `error from \(\*http.ResponseController\).Flush on rc is discarded`
}

// Shutdown-path wording for methods.

type Client struct {
	conn net.Conn
	bw   *bufio.Writer
}

func (c *Client) Close() error {
	c.bw.Flush() // want `error from \(\*bufio.Writer\).Flush on c.bw is discarded in \(\*Client\).Close; buffered bytes may not be written`
	return c.conn.Close()
}

// Guards in handlers with no error result.

func handler(w http.ResponseWriter, r *http.Request, f *os.File) {
	bw := bufio.NewWriter(f)
	if _, err := io.Copy(bw, r.Body); err != nil {
		bw.Flush() // ok: the handler is already failing
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := bw.Flush(); err != nil {
		log.Print(err)
	}
}

func switchGuard(f *os.File, err error) error {
	switch {
	case err != nil:
		f.Close() // ok: returns the error
		return err
	}
	return f.Close()
}

func elseGuard(f *os.File, err error) error {
	if err == nil {
		return f.Close()
	} else {
		f.Close() // ok: err is non-nil here
		return err
	}
}

func unguardedReturn(f *os.File, err error) error {
	f.Write(nil) // want `error from \(\*os.File\).Write on f is discarded just before returning`
	return err
}

func panicPath(f *os.File) {
	if _, err := f.Write(nil); err != nil {
		f.Close() // ok: panics next
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
}

var errBad = errors.New("bad")

func deferredClosure(f *os.File) error {
	defer func() {
		f.Close() // want `error from \(\*os.File\).Close on f is discarded in a deferred call`
	}()
	_, err := f.Write([]byte("x"))
	return err
}

func removedTemp(dir string) (string, error) {
	f, err := os.CreateTemp(dir, "x")
	if err != nil {
		return "", err
	}
	f.WriteString("probe") // ok: the file is removed below
	f.Close()              // ok: the file is removed right after
	os.Remove(f.Name())
	return f.Name(), errBad
}

// Generics.

type Sink[W io.WriteCloser] struct{ w W }

func (s *Sink[W]) Finish(p []byte) {
	s.w.Write(p)
	s.w.Close() // want `error from \(W\).Close on s.w is discarded just before returning; data written to it may not be committed`
}

func (s *Sink[W]) Abort() {
	s.w.Close() // want `error from \(W\).Close on s.w is discarded just before returning; data written to it may not be committed`
}

func genericFlush[T interface{ *bufio.Writer }](w T) {
	(*bufio.Writer)(w).Flush() // want `error from \(\*bufio.Writer\).Flush is discarded`
}

type streamer struct{ bw *bufio.Writer }

func (s *streamer) kick() {
	go s.bw.Flush() // want `error from \(\*bufio.Writer\).Flush on s.bw is discarded in a goroutine`
}

func (s *streamer) finish() error {
	return s.bw.Flush() // ok: checked
}
