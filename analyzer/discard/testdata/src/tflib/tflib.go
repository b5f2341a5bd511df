// Package tflib declares writer types whose method bodies say what they
// are, for facts learned in one package and used in another.
package tflib

import (
	"bufio"
	"io"

	"github.com/quic-go/quic-go"
)

// Encoder writes every field through at once; Close only resets a flag.
type Encoder struct {
	w       io.Writer
	started bool
}

func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: w} }

func (e *Encoder) WriteField(s string) error {
	e.started = true
	_, err := io.WriteString(e.w, s)
	return err
}

func (e *Encoder) Close() error {
	e.started = false
	return nil
}

// Framer's Close writes the end of the frame.
type Framer struct{ w io.Writer }

func NewFramer(w io.Writer) *Framer { return &Framer{w: w} }

func (f *Framer) WriteField(s string) error {
	_, err := io.WriteString(f.w, s)
	return err
}

func (f *Framer) Close() error {
	_, err := f.w.Write([]byte{0})
	return err
}

// Counter counts what is written and cannot fail.
type Counter int64

func (c *Counter) Write(p []byte) (int, error) {
	*c += Counter(len(p))
	return len(p), nil
}

// Limited fails past its limit.
type Limited struct{ n int }

func (l *Limited) Write(p []byte) (int, error) {
	if len(p) > l.n {
		return 0, io.ErrShortWrite
	}
	l.n -= len(p)
	return len(p), nil
}

// BufWriter keeps the first error of the connection, like grpc's.
type BufWriter struct {
	conn io.Writer
	buf  []byte
	err  error
}

func NewBufWriter(conn io.Writer) *BufWriter { return &BufWriter{conn: conn} }

func (w *BufWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

func (w *BufWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	_, w.err = w.conn.Write(w.buf)
	w.buf = w.buf[:0]
	return w.err
}

// LossyWriter forgets its errors: not sticky.
type LossyWriter struct {
	conn io.Writer
	buf  []byte
}

func (w *LossyWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	return len(p), nil
}

func (w *LossyWriter) Flush() error {
	_, err := w.conn.Write(w.buf)
	w.buf = w.buf[:0]
	return err
}

// Closing embeds *bufio.Writer: the same sticky error.
type Closing struct {
	closer io.Closer
	*bufio.Writer
}

func (w *Closing) Close() error {
	if err := w.Writer.Flush(); err != nil {
		w.closer.Close()
		return err
	}
	return w.closer.Close()
}

// TrackedSend embeds a QUIC send stream and hands its Close on after
// noting it (http3's stateTrackingStream, send side only).
type TrackedSend struct {
	*quic.SendStream
	closed bool
}

func (s *TrackedSend) Close() error {
	s.closed = true
	return s.SendStream.Close()
}
