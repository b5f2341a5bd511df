package typefacts

import (
	"bufio"
	"errors"
	"io"
	"net"
	"sync"
)

var (
	errPipeClosed = errors.New("pipe closed")
	errQueueFull  = errors.New("queue full")
)

// memPipe is an in-process pipe, like fasthttputil's pipe conns: Write
// hands the bytes to the reader over a channel and fails only once the
// pipe is closed. A failed write means the reader is gone: nobody is
// left to tell.
type memPipe struct {
	net.Conn
	ch   chan []byte
	done chan struct{}
}

func (p *memPipe) Write(b []byte) (int, error) {
	select {
	case p.ch <- append([]byte(nil), b...):
		return len(b), nil
	case <-p.done:
		return 0, errPipeClosed
	}
}

func (p *memPipe) Read(b []byte) (int, error) {
	select {
	case m := <-p.ch:
		return copy(b, m), nil
	case <-p.done:
		return 0, io.EOF
	}
}

func (p *memPipe) Close() error {
	close(p.done)
	return nil
}

// pipeConns hands out its ends as net.Conns.
type pipeConns struct {
	c1, c2 memPipe
}

func (pc *pipeConns) Conn1() net.Conn { return &pc.c1 }

func (pc *pipeConns) Conn2() net.Conn { return &pc.c2 }

var streamBufs sync.Pool

// newStreamReader is fasthttp's NewStreamReader: a pooled bufio.Writer
// reset onto the write end of the pipe, flushed by a goroutine whose
// reader is the caller.
func newStreamReader(pc *pipeConns, fill func(*bufio.Writer)) io.Reader {
	pw, pr := pc.Conn1(), pc.Conn2()
	var bw *bufio.Writer
	if v := streamBufs.Get(); v == nil {
		bw = bufio.NewWriter(pw)
	} else {
		bw = v.(*bufio.Writer)
		bw.Reset(pw)
	}
	go func() {
		fill(bw)
		bw.Flush() // ok: every destination bw is given is the in-process pipe
		pw.Close()
		bw.Reset(nil)
		streamBufs.Put(bw)
	}()
	return pr
}

// A pooled writer used as it came: its destination is unknown.
func pooledAsIs(fill func(*bufio.Writer), conn net.Conn) {
	bw := streamBufs.Get().(*bufio.Writer)
	fill(bw)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded`
	conn.Close()
}

// Reset onto the pipe on one path, onto a connection on another.
func pooledTwoWays(pc *pipeConns, conn net.Conn, fill func(*bufio.Writer)) {
	bw := streamBufs.Get().(*bufio.Writer)
	bw.Reset(pc.Conn1())
	if conn != nil {
		bw.Reset(conn)
	}
	fill(bw)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded`
}

// queue drops what does not fit and says so, while its reader is still
// there to miss the bytes: not a pipe.
type queue struct {
	mu  sync.Mutex
	buf []byte
}

func (q *queue) Write(b []byte) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.buf)+len(b) > 4096 {
		return 0, errQueueFull
	}
	q.buf = append(q.buf, b...)
	return len(b), nil
}

func (q *queue) Read(b []byte) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := copy(b, q.buf)
	q.buf = q.buf[n:]
	return n, nil
}

func intoQueue(q *queue, fill func(*bufio.Writer)) {
	bw := bufio.NewWriter(q)
	fill(bw)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded`
}
