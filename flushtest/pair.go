package flushtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"time"
)

// DefaultTimeout is the safety net of every wait in this package when
// Config.Timeout is zero. It never decides an outcome: reaching it is a
// harness failure, reported as an error.
const DefaultTimeout = 30 * time.Second

// Config describes the destination of a Pair.
type Config struct {
	// SendBuffer and RecvBuffer are SO_SNDBUF of the writer's socket and
	// SO_RCVBUF of the peer's (Linux doubles them and enforces a small
	// minimum). For Pipe their sum is the pipe's capacity, 64 KiB when
	// both are zero. Zero leaves the kernel's default.
	SendBuffer, RecvBuffer int
	// Reader is how the peer reads: freely (the zero value), StallAfter
	// or Paced.
	Reader ReadPolicy
	// WriteTimeout, when positive, sets the writer's write deadline, as
	// a server's WriteTimeout would. With a Reader that stalls, the
	// deadline is set when the peer first stalls: the code under test
	// has then certainly started writing, so a loaded machine cannot
	// make the deadline pass before the code even ran. Otherwise it is
	// set when the pair is made.
	WriteTimeout time.Duration
	// Timeout is the safety net of the waits; DefaultTimeout when zero.
	Timeout time.Duration
}

func (c Config) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

// A Pair is a connection whose writer end is handed to the code under
// test and whose far end is read by a Peer under a ReadPolicy.
type Pair struct {
	Conn   *Conn   // the writer's end, recorded in Ledger
	Peer   *Peer   // the far end's reader
	Ledger *Ledger // what crossed the boundary

	far     io.Closer
	timeout time.Duration
}

func newPair(writer, far net.Conn, cfg Config) *Pair {
	l := NewLedger()
	p := &Pair{Conn: newConn(writer, l), Ledger: l, far: far, timeout: cfg.timeout()}
	arm := deadlineArm(writer, cfg.WriteTimeout)
	if arm != nil && !cfg.Reader.stall {
		arm()
		arm = nil
	}
	p.Peer = newPeer(far, l, cfg.Reader, arm)
	return p
}

// deadlineArm returns the function that sets c's write deadline d from
// now, or nil when d is not positive.
func deadlineArm(c net.Conn, d time.Duration) func() {
	if d <= 0 {
		return nil
	}
	return func() {
		_ = c.SetWriteDeadline(time.Now().Add(d)) // fails only once c is closed: nothing left to bound
	}
}

// Pipe returns a Pair over an in-memory, buffered pipe: no sockets, the
// same gates and deadlines.
func Pipe(cfg Config) *Pair {
	size := cfg.SendBuffer + cfg.RecvBuffer
	if size <= 0 {
		size = 64 << 10
	}
	w, far := newPipe(size)
	return newPair(w, far, cfg)
}

// TCP returns a Pair over a real loopback TCP connection, with the
// socket buffers of cfg set before the connection is made.
func TCP(cfg Config) (*Pair, error) {
	lc := net.ListenConfig{Control: bufferControl(0, cfg.RecvBuffer)}
	ln, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("flushtest: listen: %w", err)
	}
	defer closeQuietly(ln)
	accepted := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept() // a failed accept shows up as the dial's error or a nil conn
		accepted <- c
	}()
	d := net.Dialer{Control: bufferControl(cfg.SendBuffer, 0), Timeout: cfg.timeout()}
	w, err := d.Dial("tcp", ln.Addr().String())
	if err != nil {
		return nil, fmt.Errorf("flushtest: dial: %w", err)
	}
	far := <-accepted
	if far == nil {
		closeQuietly(w)
		return nil, errors.New("flushtest: accept failed")
	}
	return newPair(w, far, cfg), nil
}

// closeQuietly closes c in the harness's own cleanup, where a failure
// changes nothing: the run is judged by what the peer read.
func closeQuietly(c io.Closer) { _ = c.Close() }

// bufferControl returns a Control function that sets the socket buffer
// sizes that are positive.
func bufferControl(snd, rcv int) func(string, string, syscall.RawConn) error {
	return func(_, _ string, rc syscall.RawConn) error {
		var serr error
		err := rc.Control(func(fd uintptr) { serr = setBuffers(fd, snd, rcv) })
		if err != nil {
			return err
		}
		return serr
	}
}

// Finish ends a run. It closes the writer's end if the code under test
// left it open (quietly: the ledger shows only what the code did),
// releases the peer, waits until it read to the end, and returns the
// bytes delivered and the error that ended the peer's stream (nil for a
// clean end). Call it after the code under test returned.
func (p *Pair) Finish() (int64, error) {
	defer closeQuietly(p.far)
	_ = p.Conn.Conn.Close() // already closed by the code under test, most often
	p.Peer.Release()
	return p.Peer.Wait(p.timeout)
}

// Judge finishes the run and returns the verdict on it: promised bytes
// against the bytes the peer read, with reported as what the code under
// test returned. The error is the harness's own (the safety net).
func (p *Pair) Judge(promised int64, reported error) (Verdict, error) {
	n, err := p.Finish()
	var herr error
	if errors.Is(err, ErrSafetyNet) {
		herr, err = err, nil
	}
	v := Judge(promised, n, reported)
	v.Buffered = p.Ledger.BufferedAtClose()
	v.PeerErr = err
	return v, herr
}
