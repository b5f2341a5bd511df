package facts

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
type Quiet struct{ c net.Conn }

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

func (m *Mem) Close() error { return m.zw.Close() } // want Close:"commits the gzip footer may not be written"

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
