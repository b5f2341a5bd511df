package facts

import (
	"errors"
	"net"
	"sync"
	"time"
)

var (
	errClosed  = errors.New("pipe closed")
	errTimeout = errors.New("timeout")
	errFull    = errors.New("queue full")
)

// chanConn is fasthttputil's pipe conn: Write hands the bytes to the
// reader over a channel, and fails only once the pipe is closed or a
// deadline passed.
type chanConn struct { // want chanConn:"writer pipe"
	net.Conn
	ch       chan []byte
	done     chan struct{}
	deadline chan struct{}
}

func (c *chanConn) Write(p []byte) (int, error) {
	b := append([]byte(nil), p...)
	select {
	case c.ch <- b:
	case <-c.done:
		return 0, errClosed
	case <-c.deadline:
		return 0, errTimeout
	}
	return len(p), nil
}

func (c *chanConn) Read(p []byte) (int, error) {
	b, ok := <-c.ch
	if !ok {
		return 0, errClosed
	}
	return copy(p, b), nil
}

// condPipe waits on a sync.Cond for room, as fasthttp's stream pipe.
type condPipe struct { // want condPipe:"writer pipe"
	mu     sync.Mutex
	ready  sync.Cond
	buf    []byte
	closed bool
}

func (p *condPipe) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.buf) > 4096 && !p.closed {
		p.ready.Wait()
	}
	if p.closed {
		return 0, errClosed
	}
	p.buf = append(p.buf, b...)
	p.ready.Signal()
	return len(b), nil
}

func (p *condPipe) Read(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := copy(b, p.buf)
	p.buf = p.buf[n:]
	return n, nil
}

// Near misses, not pipes.

// ring drops what does not fit and says so: its reader is still there
// to miss the bytes.
type ring struct {
	buf []byte
}

func (r *ring) Write(b []byte) (int, error) {
	if len(r.buf)+len(b) > 4096 {
		return 0, errFull
	}
	r.buf = append(r.buf, b...)
	return len(b), nil
}

func (r *ring) Read(b []byte) (int, error) { return copy(b, r.buf), nil }

// netForward waits, but writes on to a connection that can fail.
type netForward struct {
	ch   chan []byte
	conn net.Conn
}

func (f *netForward) Write(p []byte) (int, error) {
	f.ch <- p
	if _, err := f.conn.Write(p); err != nil {
		return 0, errClosed
	}
	return len(p), nil
}

func (f *netForward) Read(p []byte) (int, error) { return copy(p, <-f.ch), nil }

// keptErr returns an error kept in a field, which may come from anywhere.
type keptErr struct {
	ch  chan []byte
	err error
}

func (k *keptErr) Write(p []byte) (int, error) {
	if k.err != nil {
		return 0, k.err
	}
	k.ch <- p
	return len(p), nil
}

func (k *keptErr) Read(p []byte) (int, error) { return copy(p, <-k.ch), nil }

// Pipes returns the ends of a pipe as net.Conns.
type Pipes struct {
	c1, c2 chanConn
}

func (p *Pipes) Conn1() net.Conn { return &p.c1 } // want Conn1:"returns pipe"

func (p *Pipes) Conn2() net.Conn { // want Conn2:"returns pipe"
	return &p.c2
}

// Near miss: one path returns a real connection.
func dialOrPipe(p *Pipes, addr string) net.Conn {
	if addr == "" {
		return p.Conn1()
	}
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return p.Conn1()
	}
	return c
}
