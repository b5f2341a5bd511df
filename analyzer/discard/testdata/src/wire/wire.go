// Package wire has writer wrappers whose Flush and Close return the
// result of a data-committing call; discard learns that with facts.
package wire

import (
	"bufio"
	"net"
)

type Conn struct {
	bw *bufio.Writer
	c  net.Conn
}

func (c *Conn) Flush() error { return c.bw.Flush() }

func (c *Conn) Close() error {
	if err := c.bw.Flush(); err != nil {
		return err
	}
	return c.c.Close()
}

// Quiet's Close only closes the connection: nothing to commit.
type Quiet struct{ c net.Conn }

func (q *Quiet) Close() error { return q.c.Close() }

// Chain's Flush returns a local Flush that has the fact.
type Chain struct{ inner *Conn }

func (c *Chain) Flush() error { return c.inner.Flush() }

func use(c *Conn) {
	c.Flush() // want `error from \(\*wire.Conn\).Flush on c is discarded just before returning; buffered bytes may not be written`
}

// Finish flushes the writer passed to it.
func Finish(bw *bufio.Writer) error { return bw.Flush() }
