package facts

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"os"
)

type Conn struct {
	bw *bufio.Writer
	c  net.Conn
}

func (c *Conn) Flush() error { return c.bw.Flush() } // want Flush:"commits buffered bytes may not be written"

func (c *Conn) Close() error { // want Close:"commits buffered bytes may not be written"
	err := c.bw.Flush()
	if cerr := c.c.Close(); err == nil {
		err = cerr
	}
	return err
}

// Through a local method with the fact.
type Outer struct{ c *Conn }

func (o *Outer) Flush() error { return o.c.Flush() } // want Flush:"commits buffered bytes may not be written"

// A file created for writing.
type Log struct{ f *os.File }

func (l *Log) Write(p []byte) (int, error) { return l.f.Write(p) }

func (l *Log) Close() error { return l.f.Close() } // want Close:"commits data written to the file may not reach the disk"

// Near misses: nothing to commit.
type Quiet struct{ c net.Conn } // want Quiet:"writer conn"

func (q *Quiet) Close() error { return q.c.Close() } // ok: closing a connection commits nothing

type Mem struct {
	zw  *gzip.Writer
	buf bytes.Buffer
}

func NewMem() *Mem {
	m := &Mem{}
	m.zw = gzip.NewWriter(&m.buf)
	return m
}

// Mem's gzip writer is only ever over m.buf, so its footer cannot fail
// to be written: the field holds what the package stores in it.
func (m *Mem) Close() error { return m.zw.Close() } // ok: the gzip writer writes into memory

// Archive's gzip writer is over the writer it was given.
type Archive struct {
	zw *gzip.Writer
}

func NewArchive(w io.Writer) *Archive { return &Archive{zw: gzip.NewWriter(w)} }

func (a *Archive) Close() error { return a.zw.Close() } // want Close:"commits the gzip footer may not be written"

// Not a finisher: other names get no Commits fact; it ends by flushing
// what Conn's Flush flushes, so a call finishes the Conn.
func (c *Conn) Send() error { return c.bw.Flush() } // want Send:"flushes itself"

// A function committing the writer passed to it.
func Finish(bw *bufio.Writer) error { return bw.Flush() } // want Finish:"commits parameter 0: buffered bytes may not be written"

// Committing its own writer: a plain function's result is not learned.
func save(path string) error { // ok: not a Flush or Close method, and no parameter's writer
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	return f.Close()
}

// A writer whose Close writes what it holds to its destination field,
// returning that write's error through a named result (encoding/pem's
// lineBreaker): whatever the destination, the Close commits.
type Breaker struct {
	line []byte
	out  io.Writer
}

func (l *Breaker) Write(p []byte) (int, error) {
	l.line = append(l.line, p...)
	return len(p), nil
}

func (l *Breaker) Close() (err error) { // want Close:"commits the bytes it holds may not be written"
	if len(l.line) > 0 {
		_, err = l.out.Write(l.line)
	}
	return
}

// ok: the destination cannot fail.
type MemBreaker struct {
	line []byte
	out  *bytes.Buffer
}

func (l *MemBreaker) Write(p []byte) (int, error) {
	l.line = append(l.line, p...)
	return len(p), nil
}

func (l *MemBreaker) Close() (err error) {
	_, err = l.out.Write(l.line)
	return
}

// ok: not a writer (no Write), so its Close releases no bytes it held.
type Trailer struct{ out io.Writer }

func (t *Trailer) Close() error {
	_, err := t.out.Write([]byte("end\n"))
	return err
}

// The error of a write returning two results, kept in a variable.
type Framed struct {
	c   net.Conn
	buf []byte
}

func (f *Framed) Flush() error { // want Flush:"commits a short or failed write goes unnoticed"
	_, err := f.c.Write(f.buf)
	return err
}

// ok: the same shape into a destination that cannot fail.
type MemFramed struct {
	b   bytes.Buffer
	buf []byte
}

func (f *MemFramed) Flush() error {
	_, err := f.b.Write(f.buf)
	return err
}

// A writer whose Write begins with a loop each iteration of which first
// checks the error kept in its encoder, which the encoder's write method
// sets (image/gif's blockWriter).
type enc struct {
	w   io.Writer
	err error
}

func (e *enc) write(p []byte) {
	if e.err != nil {
		return
	}
	_, e.err = e.w.Write(p)
}

type BlockWriter struct{ e *enc } // want BlockWriter:"writer sticky err e.err"

func (b BlockWriter) Flush() error { return b.e.err }

func (b BlockWriter) WriteByte(c byte) error {
	if b.e.err != nil {
		return b.e.err
	}
	b.e.write([]byte{c})
	return b.e.err
}

func (b BlockWriter) Write(data []byte) (int, error) {
	for i, c := range data {
		if err := b.WriteByte(c); err != nil {
			return i, err
		}
	}
	return len(data), nil
}

// ok: the loop's header writes before any iteration checks the error.
type EagerBlockWriter struct{ e *enc }

func (b EagerBlockWriter) Flush() error { return b.e.err }

func (b EagerBlockWriter) WriteByte(c byte) error {
	if b.e.err != nil {
		return b.e.err
	}
	b.e.write([]byte{c})
	return b.e.err
}

func (b EagerBlockWriter) Write(data []byte) (int, error) {
	for i, c := range b.header(data) {
		if err := b.WriteByte(c); err != nil {
			return i, err
		}
	}
	return len(data), nil
}

func (b EagerBlockWriter) header(data []byte) []byte {
	b.e.write([]byte{0})
	return data
}
