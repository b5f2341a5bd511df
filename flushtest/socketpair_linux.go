//go:build linux

package flushtest

import (
	"fmt"
	"os"
	"syscall"
	"time"
	"unsafe"
)

// A RawPair is a non-blocking AF_UNIX stream socketpair: FD is handed to
// code that writes with raw system calls, where "not done yet" comes
// back as EAGAIN or a short count; the other end is read by a Peer.
type RawPair struct {
	// FD is the writer's non-blocking descriptor. It belongs to the
	// pair: the code under test must not close it.
	FD     int
	Peer   *Peer
	Ledger *Ledger

	far     *os.File
	cfg     Config
	timeout time.Duration
}

// Socketpair returns a RawPair whose writer's send buffer is
// cfg.SendBuffer (for AF_UNIX stream sockets the sender's buffer bounds
// what is in flight). cfg.WriteTimeout bounds WaitWritable.
func Socketpair(cfg Config) (*RawPair, error) {
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		return nil, fmt.Errorf("flushtest: socketpair: %w", err)
	}
	p, err := newRawPair(fds, cfg)
	if err != nil {
		_ = syscall.Close(fds[0]) // cleanup of a failed construction
		_ = syscall.Close(fds[1])
		return nil, err
	}
	return p, nil
}

func newRawPair(fds [2]int, cfg Config) (*RawPair, error) {
	if err := setBuffers(uintptr(fds[0]), cfg.SendBuffer, 0); err != nil {
		return nil, fmt.Errorf("flushtest: SO_SNDBUF: %w", err)
	}
	if err := setBuffers(uintptr(fds[1]), 0, cfg.RecvBuffer); err != nil {
		return nil, fmt.Errorf("flushtest: SO_RCVBUF: %w", err)
	}
	for _, fd := range fds {
		if err := syscall.SetNonblock(fd, true); err != nil {
			return nil, fmt.Errorf("flushtest: set non-blocking: %w", err)
		}
	}
	if fds[0] >= syscall.FD_SETSIZE {
		return nil, fmt.Errorf("flushtest: descriptor %d is too large to wait for", fds[0])
	}
	l := NewLedger()
	p := &RawPair{FD: fds[0], Ledger: l, cfg: cfg, timeout: cfg.timeout(),
		far: os.NewFile(uintptr(fds[1]), "flushtest-peer")}
	p.Peer = newPeer(p.far, l, cfg.Reader, nil)
	return p, nil
}

// WaitWritable is the writer's poller: it blocks until FD is writable
// again. It is also the gate of the pair: a writer that waits has done
// its part, so WaitWritable releases the peer first. Code that waits
// for writability the right way therefore completes; code that treats
// EAGAIN as done never gets here. cfg.WriteTimeout, when set, bounds the
// wait (the error is then os.ErrDeadlineExceeded).
func (p *RawPair) WaitWritable() error {
	p.Peer.Release()
	var tv *syscall.Timeval
	if p.cfg.WriteTimeout > 0 {
		t := syscall.NsecToTimeval(p.cfg.WriteTimeout.Nanoseconds())
		tv = &t
	}
	for {
		var w syscall.FdSet
		bits := int(8 * unsafe.Sizeof(w.Bits[0]))
		w.Bits[p.FD/bits] |= 1 << (uint(p.FD) % uint(bits))
		n, err := syscall.Select(p.FD+1, nil, &w, nil, tv)
		switch {
		case err == syscall.EINTR:
			continue // a signal for the runtime, not for us
		case err != nil:
			return fmt.Errorf("flushtest: select: %w", err)
		case n == 0:
			return os.ErrDeadlineExceeded
		}
		return nil
	}
}

// Finish ends a run: it closes the writer's descriptor, releases the
// peer, waits until it read to the end, and returns the bytes delivered
// and the error that ended the peer's stream (nil for a clean end).
func (p *RawPair) Finish() (int64, error) {
	defer closeQuietly(p.far)
	_ = syscall.Close(p.FD) // the pair owns FD; closing it ends the peer's stream
	p.Peer.Release()
	return p.Peer.Wait(p.timeout)
}

// Judge finishes the run and returns the verdict: promised bytes
// against the bytes the peer read, with reported as what the code under
// test returned. The error is the harness's own (the safety net).
func (p *RawPair) Judge(promised int64, reported error) (Verdict, error) {
	n, err := p.Finish()
	if errorsIsSafetyNet(err) {
		return Judge(promised, n, reported), err
	}
	v := Judge(promised, n, reported)
	v.PeerErr = err
	return v, nil
}
