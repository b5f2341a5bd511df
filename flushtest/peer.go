package flushtest

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// ErrSafetyNet is wrapped by the errors of waits that reached their
// timeout. It means the harness, or the code under test, hung: never a
// verdict.
var ErrSafetyNet = errors.New("flushtest: safety net reached")

// A ReadPolicy says how a Peer reads. The zero value reads freely.
type ReadPolicy struct {
	stall     bool
	first     int64 // bytes read before the first stall
	paceBytes int64
	paceEvery time.Duration
}

// StallAfter returns the policy of a peer that reads k bytes and then
// stops reading until it is released (Peer.Release) or allowed more
// (Peer.Allow). Nothing but the test moves it on: the stall is a gate,
// not a timing.
func StallAfter(k int64) ReadPolicy {
	return ReadPolicy{stall: true, first: k}
}

// Paced returns the policy of a peer that reads n bytes every interval,
// like a client on a slow link. Pacing decides how long things take,
// never what happens: use StallAfter and a write deadline for outcomes
// that must not depend on the machine's load.
func Paced(n int64, every time.Duration) ReadPolicy {
	return ReadPolicy{stall: true, first: n, paceBytes: n, paceEvery: every}
}

// A Peer is the far end of a destination: it reads what the code under
// test sent, as its ReadPolicy allows, records every read in the Ledger
// and keeps the bytes.
type Peer struct {
	r      io.Reader
	ledger *Ledger

	mu     sync.Mutex
	credit int64 // bytes it may read before stalling again; -1: no limit
	data   []byte
	err    error // the read error that ended the stream; nil for EOF

	onStall func() // called once, when the peer first stalls
	stalled bool

	wake chan struct{} // credit changed
	done chan struct{} // closed when the stream ended
	stop chan struct{} // closed by Release or the end, stops pacing
	once sync.Once
}

// newPeer starts a peer reading r. onStall, if not nil, is called once
// when the peer first stops reading for want of credit: at once for
// StallAfter(0), else from the goroutine that reads.
func newPeer(r io.Reader, l *Ledger, pol ReadPolicy, onStall func()) *Peer {
	p := &Peer{r: r, ledger: l, credit: -1, onStall: onStall,
		wake: make(chan struct{}, 1), done: make(chan struct{}), stop: make(chan struct{})}
	if pol.stall {
		p.credit = pol.first
	}
	if p.credit == 0 {
		p.stall()
	}
	go p.run()
	if pol.paceBytes > 0 && pol.paceEvery > 0 {
		go p.pace(pol.paceBytes, pol.paceEvery)
	}
	return p
}

func (p *Peer) run() {
	defer close(p.done)
	defer p.once.Do(func() { close(p.stop) })
	buf := make([]byte, 32<<10)
	for {
		want := p.await()
		n, err := p.r.Read(buf[:min(want, int64(len(buf)))])
		p.consume(buf[:n])
		if err != nil {
			p.end(err)
			return
		}
	}
}

// await blocks until the peer may read, and returns how much.
func (p *Peer) await() int64 {
	for {
		p.mu.Lock()
		c := p.credit
		p.mu.Unlock()
		if c < 0 {
			return 1 << 30
		}
		if c > 0 {
			return c
		}
		<-p.wake
	}
}

func (p *Peer) consume(b []byte) {
	if len(b) == 0 {
		return
	}
	p.mu.Lock()
	p.data = append(p.data, b...)
	if p.credit > 0 {
		p.credit -= int64(len(b))
	}
	stalled := p.credit == 0
	p.mu.Unlock()
	p.ledger.record(Event{Kind: Read, N: int64(len(b)), Buffered: -1})
	if stalled {
		p.stall()
	}
}

// stall runs onStall the first time the peer stalls.
func (p *Peer) stall() {
	p.mu.Lock()
	first := !p.stalled
	p.stalled = true
	p.mu.Unlock()
	if first && p.onStall != nil {
		p.onStall()
	}
}

func (p *Peer) end(err error) {
	if errors.Is(err, io.EOF) {
		err = nil
	}
	p.mu.Lock()
	p.err = err
	p.mu.Unlock()
	if err != nil {
		p.ledger.record(Event{Kind: Read, Err: err, Buffered: -1})
	}
}

func (p *Peer) pace(n int64, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			p.Allow(n)
		case <-p.stop:
			return
		}
	}
}

func (p *Peer) setCredit(f func(c int64) int64) {
	p.mu.Lock()
	p.credit = f(p.credit)
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default: // a wake-up is already pending
	}
}

// Release lets the peer read everything from now on.
func (p *Peer) Release() {
	p.once.Do(func() { close(p.stop) })
	p.setCredit(func(int64) int64 { return -1 })
}

// Allow lets a stalled peer read n more bytes, then stall again.
func (p *Peer) Allow(n int64) {
	p.setCredit(func(c int64) int64 {
		if c < 0 {
			return c // already released
		}
		return c + n
	})
}

// WaitRead blocks until the peer has read at least n bytes in total, or
// the stream ended, or timeout passed (a safety net, never a gate). It
// reports whether n bytes were read.
func (p *Peer) WaitRead(n int64, timeout time.Duration) bool {
	expired := make(chan struct{})
	t := time.AfterFunc(timeout, func() { close(expired) })
	defer t.Stop()
	return p.ledger.wait(func(l *Ledger) bool { return l.delivered >= n }, p.done, expired)
}

// Wait blocks until the stream ended (EOF or a read error) and returns
// the bytes read and the error that ended it, nil for a clean EOF. It
// does not release the peer. After timeout (a safety net) it returns
// an error that says so.
func (p *Peer) Wait(timeout time.Duration) (int64, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-p.done:
	case <-t.C:
		return p.N(), fmt.Errorf("%w: the peer did not reach the end of the stream within %v", ErrSafetyNet, timeout)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return int64(len(p.data)), p.err
}

// N returns the number of bytes read so far.
func (p *Peer) N() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return int64(len(p.data))
}

// Bytes returns a copy of the bytes read so far.
func (p *Peer) Bytes() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]byte(nil), p.data...)
}
