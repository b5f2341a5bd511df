package typefacts

import (
	"bytes"
	"encoding/base64"
	"io"
)

// A writer built by a composite literal whose Close writes the last line
// to its destination field (encoding/pem's lineBreaker).
type lineBreaker struct {
	line []byte
	out  io.Writer
}

func (l *lineBreaker) Write(p []byte) (int, error) {
	l.line = append(l.line, p...)
	return len(p), nil
}

func (l *lineBreaker) Close() (err error) {
	if len(l.line) > 0 {
		_, err = l.out.Write(l.line)
	}
	return
}

func encodeLines(out io.Writer, data []byte) error {
	breaker := lineBreaker{out: out}
	b64 := base64.NewEncoder(base64.StdEncoding, &breaker)
	if _, err := b64.Write(data); err != nil {
		return err
	}
	if err := b64.Close(); err != nil {
		return err
	}
	breaker.Close() // want `error from \(typefacts.lineBreaker\).Close on breaker is discarded just before returning; the bytes it holds may not be written`
	return nil
}

// The same shape over a destination that cannot fail.
type memBreaker struct {
	line []byte
	out  *bytes.Buffer
}

func (l *memBreaker) Write(p []byte) (int, error) {
	l.line = append(l.line, p...)
	return len(p), nil
}

func (l *memBreaker) Close() (err error) {
	_, err = l.out.Write(l.line)
	return
}

func encodeMem(data []byte) ([]byte, error) {
	var out bytes.Buffer
	breaker := memBreaker{out: &out}
	b64 := base64.NewEncoder(base64.StdEncoding, &breaker)
	if _, err := b64.Write(data); err != nil {
		return nil, err
	}
	if err := b64.Close(); err != nil {
		return nil, err
	}
	breaker.Close() // ok: its Close writes into a bytes.Buffer, which cannot fail
	return out.Bytes(), nil
}

// An interface with the methods of the compress writers (fasthttp's
// stackless.Writer): its Close flushes what it buffers.
type compressWriter interface {
	Write(p []byte) (int, error)
	Flush() error
	Close() error
	Reset(w io.Writer)
}

func release(sw compressWriter, pool chan<- compressWriter) {
	sw.Close() // want `error from \(typefacts.compressWriter\).Close on sw is discarded; buffered bytes may not be written`
	pool <- sw
}

// ok: nothing says an io.WriteCloser the function never wrote to buffers.
func releaseUnknown(wc io.WriteCloser, pool chan<- io.WriteCloser) {
	wc.Close() // ok: an unknown writer this function did not write to
	pool <- wc
}

// A stream that also reads: its Close is a connection's, not a flush.
type duplex interface {
	Read(p []byte) (int, error)
	Write(p []byte) (int, error)
	Flush() error
	Close() error
}

func hangUp(s duplex) {
	s.Close() // ok: closing a two-way stream is like closing a connection
}
