package flushtest

import (
	"io"
	"net"
	"os"
	"sync"
	"time"
)

// pipeBuf is one direction of an in-memory pipe: a bounded buffer, the
// stand-in for the kernel's socket buffers.
type pipeBuf struct {
	mu      sync.Mutex
	data    []byte
	size    int
	wclosed bool          // no more writes: the reader gets EOF after data
	rclosed bool          // the reader is gone: writes fail
	changed chan struct{} // closed and replaced on every change
}

func newPipeBuf(size int) *pipeBuf {
	return &pipeBuf{size: size, changed: make(chan struct{})}
}

// notify wakes the waiters; b.mu is held.
func (b *pipeBuf) notify() {
	close(b.changed)
	b.changed = make(chan struct{})
}

func (b *pipeBuf) write(p []byte, dl *deadline) (int, error) {
	n := 0
	for {
		if dl.passed() {
			return n, os.ErrDeadlineExceeded
		}
		b.mu.Lock()
		if b.wclosed {
			b.mu.Unlock()
			return n, net.ErrClosed // closed by the writer itself
		}
		if b.rclosed {
			b.mu.Unlock()
			return n, io.ErrClosedPipe // the reader is gone
		}
		k := min(b.size-len(b.data), len(p)-n)
		b.data = append(b.data, p[n:n+k]...)
		n += k
		if k > 0 {
			b.notify()
		}
		ch := b.changed
		b.mu.Unlock()
		if n == len(p) {
			return n, nil
		}
		select {
		case <-ch:
		case <-dl.done():
		}
	}
}

func (b *pipeBuf) read(p []byte, dl *deadline) (int, error) {
	for {
		if dl.passed() {
			return 0, os.ErrDeadlineExceeded
		}
		b.mu.Lock()
		if b.rclosed {
			b.mu.Unlock()
			return 0, net.ErrClosed
		}
		if len(b.data) > 0 {
			n := copy(p, b.data)
			b.data = b.data[n:]
			b.notify()
			b.mu.Unlock()
			return n, nil
		}
		if b.wclosed {
			b.mu.Unlock()
			return 0, io.EOF
		}
		ch := b.changed
		b.mu.Unlock()
		select {
		case <-ch:
		case <-dl.done():
		}
	}
}

func (b *pipeBuf) closeWrite() {
	b.mu.Lock()
	b.wclosed = true
	b.notify()
	b.mu.Unlock()
}

func (b *pipeBuf) closeRead() {
	b.mu.Lock()
	b.rclosed = true
	b.data = nil
	b.notify()
	b.mu.Unlock()
}

// deadline is a settable point in time with a channel closed when it
// passes.
type deadline struct {
	mu      sync.Mutex
	timer   *time.Timer
	expired chan struct{}
}

func (d *deadline) set(t time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
	if d.expired == nil || isClosed(d.expired) {
		d.expired = make(chan struct{})
	}
	if t.IsZero() {
		return
	}
	ch := d.expired
	if wait := time.Until(t); wait > 0 {
		d.timer = time.AfterFunc(wait, func() { d.expire(ch) })
		return
	}
	close(ch)
}

func (d *deadline) expire(ch chan struct{}) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if ch == d.expired && !isClosed(ch) {
		close(ch)
	}
}

func (d *deadline) done() <-chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.expired == nil {
		d.expired = make(chan struct{})
	}
	return d.expired
}

func (d *deadline) passed() bool { return isClosed(d.done()) }

func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// pipeEnd is one end of an in-memory, buffered, full-duplex pipe.
type pipeEnd struct {
	in, out    *pipeBuf
	rd, wd     deadline
	closeOnce  sync.Once
	local, far pipeAddr
}

type pipeAddr string

func (a pipeAddr) Network() string { return "flushtest-pipe" }
func (a pipeAddr) String() string  { return string(a) }

// newPipe returns the two ends of a pipe that buffers size bytes in
// each direction.
func newPipe(size int) (*pipeEnd, *pipeEnd) {
	ab, ba := newPipeBuf(size), newPipeBuf(size)
	a := &pipeEnd{in: ba, out: ab, local: "writer", far: "peer"}
	b := &pipeEnd{in: ab, out: ba, local: "peer", far: "writer"}
	return a, b
}

func (e *pipeEnd) Read(p []byte) (int, error)  { return e.in.read(p, &e.rd) }
func (e *pipeEnd) Write(p []byte) (int, error) { return e.out.write(p, &e.wd) }

// CloseWrite ends the outgoing stream: the far end reads what is
// buffered, then EOF.
func (e *pipeEnd) CloseWrite() error {
	e.out.closeWrite()
	return nil
}

// Close ends both directions. Like a TCP close without linger, the far
// end still reads what was buffered.
func (e *pipeEnd) Close() error {
	e.closeOnce.Do(func() {
		e.out.closeWrite()
		e.in.closeRead()
	})
	return nil
}

func (e *pipeEnd) LocalAddr() net.Addr  { return e.local }
func (e *pipeEnd) RemoteAddr() net.Addr { return e.far }

func (e *pipeEnd) SetDeadline(t time.Time) error {
	e.rd.set(t)
	e.wd.set(t)
	return nil
}

func (e *pipeEnd) SetReadDeadline(t time.Time) error  { e.rd.set(t); return nil }
func (e *pipeEnd) SetWriteDeadline(t time.Time) error { e.wd.set(t); return nil }
