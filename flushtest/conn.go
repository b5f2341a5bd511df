package flushtest

import (
	"errors"
	"net"
	"sync"
)

// Buffered is implemented by buffered writers that can say how many
// bytes they hold: *bufio.Writer, *bufio.ReadWriter's Writer, and user
// types. Watch one to learn what was lost when the destination closed.
type Buffered interface {
	Buffered() int
}

// watch keeps the buffered writer whose fill is sampled at Close.
type watch struct {
	mu sync.Mutex
	b  Buffered
}

func (w *watch) set(b Buffered) {
	w.mu.Lock()
	w.b = b
	w.mu.Unlock()
}

// sample returns the watched writer's fill, or -1 when none is watched.
// It runs in the goroutine that closes the destination, the one that
// owns the writer in the shapes it is meant for.
func (w *watch) sample() int {
	w.mu.Lock()
	b := w.b
	w.mu.Unlock()
	if b == nil {
		return -1
	}
	return b.Buffered()
}

// A Conn is the writer's end of a Pair: a net.Conn that records every
// Write, CloseWrite and Close of the code under test in the Ledger.
type Conn struct {
	net.Conn
	ledger *Ledger
	w      watch
}

func newConn(c net.Conn, l *Ledger) *Conn {
	return &Conn{Conn: c, ledger: l}
}

// Write writes to the underlying connection and records how much of p
// it accepted.
func (c *Conn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.ledger.record(Event{Kind: Write, Len: len(p), N: int64(n), Err: err, Buffered: -1})
	return n, err
}

// CloseWrite shuts down the write side, where the transport can.
func (c *Conn) CloseWrite() error {
	err := errors.New("flushtest: the transport has no CloseWrite")
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		err = cw.CloseWrite()
	}
	c.ledger.record(Event{Kind: CloseWrite, Err: err, Buffered: c.w.sample()})
	return err
}

// Close closes the connection. When a buffered writer is watched, the
// ledger notes how many bytes it still held.
func (c *Conn) Close() error {
	buffered := c.w.sample()
	err := c.Conn.Close()
	c.ledger.record(Event{Kind: Close, Err: err, Buffered: buffered})
	return err
}

// Watch tells the Conn which buffered writer sits on top of it, so that
// a Close or CloseWrite records the bytes that writer still held.
// Buffered is called in the goroutine that closes the Conn.
func (c *Conn) Watch(b Buffered) { c.w.set(b) }

// Raw returns the connection underneath, for code that needs the
// concrete type (a *net.TCPConn for SetLinger or SyscallConn). Writes
// through it are not in the ledger; the peer's reads still are.
func (c *Conn) Raw() net.Conn { return c.Conn }

// Ledger returns the ledger the Conn records into.
func (c *Conn) Ledger() *Ledger { return c.ledger }
