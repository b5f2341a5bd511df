// Package typefacts uses writer types whose facts were learned from
// their method bodies in package tflib or here.
package typefacts

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"text/tabwriter"

	"tflib"
)

// B: a Close that writes nothing.

func encode(w io.Writer, fields []string) error {
	enc := tflib.NewEncoder(w)
	defer enc.Close() // ok: Close returns only nil and writes nothing
	for _, f := range fields {
		if err := enc.WriteField(f); err != nil {
			return err
		}
	}
	return nil
}

func frame(w io.Writer, fields []string) error {
	fr := tflib.NewFramer(w)
	defer fr.Close() // want `error from \(\*tflib.Framer\).Close on fr is discarded in a deferred call; data held by the writer may not be written`
	for _, f := range fields {
		if err := fr.WriteField(f); err != nil {
			return err
		}
	}
	return nil
}

// A Close that always returns nil, after closing a pipe.
type pipeWriter struct{ pw *io.PipeWriter }

func (w *pipeWriter) Write(p []byte) (int, error) { return w.pw.Write(p) }
func (w *pipeWriter) Close() error {
	_ = w.pw.Close()
	return nil
}

func serve(w *pipeWriter, body []byte) {
	defer func() { _ = w.Close() }() // ok: Close always returns nil
	if _, err := w.Write(body); err != nil {
		return
	}
}

// An unexported interface whose every implementation's Close returns nil.
type frameWriter interface{ io.WriteCloser }

type fw struct{ w io.Writer }

func (f *fw) Write(p []byte) (int, error) { return f.w.Write(p) }
func (f *fw) Close() error                { return nil }

func newFrameWriter(w io.Writer) frameWriter { return &fw{w: w} }

func send(w io.Writer, msg []byte) error {
	f := newFrameWriter(w)
	_, err := f.Write(msg)
	f.Close() // ok: the only implementation's Close returns nil
	return err
}

// Another interface is also made from a *tflib.Framer, whose Close writes.
type msgWriter interface{ io.WriteCloser }

type frameCloser struct{ *tflib.Framer }

func (f frameCloser) Write(p []byte) (int, error) { return len(p), f.WriteField(string(p)) }

func newMsgWriter(w io.Writer, framed bool) msgWriter {
	if framed {
		return frameCloser{tflib.NewFramer(w)}
	}
	return &fw{w: w}
}

func sendMsg(w io.Writer, msg []byte) error {
	m := newMsgWriter(w, true)
	_, err := m.Write(msg)
	m.Close() // want `error from \(typefacts.msgWriter\).Close on m is discarded just before returning; data held by the writer may not be written`
	return err
}

// D: sticky destinations.

// A tabwriter over a bufio.Writer whose Flush is checked (runtime/pprof).
func table(w io.Writer) error {
	b := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(b, 1, 8, 1, '\t', 0)
	fmt.Fprintf(tw, "a\tb\n")
	tw.Flush()       // ok: its error stays in b, whose Flush is returned
	return b.Flush() // and is returned here
}

// Here the tabwriter writes to w itself: nothing keeps its error.
func tableDirect(w io.Writer) error {
	b := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(w, 1, 8, 1, '\t', 0)
	fmt.Fprintf(tw, "a\tb\n")
	tw.Flush() // want `error from \(\*tabwriter.Writer\).Flush on tw is discarded just before returning; the buffered table may not be written`
	return b.Flush()
}

type server struct {
	bw    *tflib.BufWriter
	lossy *tflib.LossyWriter
	conn  net.Conn
}

func (s *server) settings() {
	s.bw.Write([]byte("settings"))
	s.bw.Flush() // ok: a sticky field, whose next checked use returns the error
}

func (s *server) lossySettings() {
	s.lossy.Write([]byte("settings"))
	s.lossy.Flush() // want `error from \(\*tflib.LossyWriter\).Flush on s.lossy is discarded just before returning; buffered bytes may not be written`
}

func (s *server) frame(p []byte) error {
	if _, err := s.bw.Write(p); err != nil {
		return err
	}
	if _, err := s.lossy.Write(p); err != nil {
		return err
	}
	return s.lossy.Flush()
}

// A struct embedding *bufio.Writer is as sticky as the bufio.Writer.
type response struct {
	w           *tflib.Closing
	wroteHeader bool
}

func (r *response) header() {
	if r.wroteHeader {
		return
	}
	r.wroteHeader = true
	r.w.WriteString("Status: 200 OK\r\n\r\n")
	r.w.Flush() // ok: the error stays in the embedded bufio.Writer
}

func (r *response) Write(p []byte) (int, error) {
	r.header()
	return r.w.Write(p) // returns it
}

func (r *response) end() {
	r.w.Close() // want `error from \(\*tflib.Closing\).Close on r.w is discarded just before returning; data written to it may not be committed`
}

// A writer whose every write goes to a sticky field (net/textproto).
type Writer struct {
	W   *bufio.Writer
	dot *dotWriter
}

type dotWriter struct {
	w     *Writer
	state int
}

func (d *dotWriter) Write(p []byte) (int, error) {
	bw := d.w.W
	d.state = 1
	return bw.Write(p)
}

func (d *dotWriter) Close() error {
	bw := d.w.W
	bw.WriteString(".\r\n")
	return bw.Flush()
}

func (w *Writer) closeDot() {
	if w.dot != nil {
		w.dot.Close() // ok: the error stays in w.W, which PrintfLine returns
	}
}

func (w *Writer) PrintfLine(format string, args ...any) error {
	w.closeDot()
	fmt.Fprintf(w.W, format, args...)
	return w.W.Flush()
}

func (w *Writer) Close() error {
	if w.dot != nil {
		w.dot.Close() // want `error from \(\*typefacts.dotWriter\).Close on w.dot is discarded in \(\*Writer\).Close; buffered bytes may not be written`
	}
	return nil
}

// E: infallible destinations of user types.

func size() int64 {
	var c tflib.Counter
	mw := multipart.NewWriter(&c)
	mw.CreatePart(nil)
	mw.Close() // ok: Counter.Write never fails
	return int64(c)
}

func limited(l *tflib.Limited) {
	mw := multipart.NewWriter(l)
	mw.CreatePart(nil)
	mw.Close() // want `error from \(\*multipart.Writer\).Close on mw is discarded just before returning; the closing multipart boundary may not be written`
}

// G: pipes.

func stream(produce func(w io.Writer)) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriter(pw)
		produce(bw)
		bw.Flush() // ok: the pipe fails only once its reader has gone
		pw.Close()
	}()
	return pr
}

func copyInto(src io.Reader) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		io.Copy(pw, src) // want `error from io.Copy to pw is discarded; the rest of the stream may be lost unnoticed`
		pw.Close()
	}()
	return pr
}

var _ = bytes.MinRead
