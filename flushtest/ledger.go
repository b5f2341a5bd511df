package flushtest

import (
	"fmt"
	"strings"
	"sync"
)

// Kind is what happened at the boundary.
type Kind int

// The kinds of events in a Ledger.
const (
	Write      Kind = iota // the code under test wrote: Len bytes offered, N accepted
	CloseWrite             // the code under test shut the write side down
	Close                  // the code under test closed the destination
	Read                   // the peer read N bytes (consecutive reads are merged)
	Fail                   // the destination started failing on purpose (a gate)
)

var kindNames = [...]string{"write", "closewrite", "close", "read", "fail"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("kind(%d)", int(k))
	}
	return kindNames[k]
}

// An Event is one entry of a Ledger.
type Event struct {
	Kind Kind
	Len  int   // bytes offered to a Write
	N    int64 // bytes accepted by a Write, or read by the peer
	Err  error // the error the code under test was given, or the peer's read error
	// Buffered is, for Close and CloseWrite, the number of bytes still
	// held by the watched buffered writer at that moment; -1 when no
	// writer is watched.
	Buffered int
}

func (e Event) String() string {
	var b strings.Builder
	switch e.Kind {
	case Write:
		fmt.Fprintf(&b, "write %d of %d", e.N, e.Len)
	case Read:
		fmt.Fprintf(&b, "peer read %d", e.N)
	default:
		b.WriteString(e.Kind.String())
	}
	if e.Buffered > 0 {
		fmt.Fprintf(&b, " while %d bytes were still buffered", e.Buffered)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

// A Ledger records, in order, what crossed the boundary between the code
// under test and its destination: every write with the bytes it offered
// and the bytes accepted, every CloseWrite and Close, and the bytes the
// peer actually read. It is safe for concurrent use. A write is
// recorded when it returns, so the peer's read of its bytes may come
// first.
type Ledger struct {
	mu        sync.Mutex
	events    []Event
	accepted  int64
	delivered int64
	changed   chan struct{} // closed and replaced on every record
}

// NewLedger returns an empty ledger.
func NewLedger() *Ledger {
	return &Ledger{changed: make(chan struct{})}
}

func (l *Ledger) record(e Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch e.Kind {
	case Write:
		l.accepted += e.N
	case Read:
		l.delivered += e.N
	}
	if n := len(l.events); n > 0 && e.Kind == Read && e.Err == nil && l.events[n-1].Kind == Read && l.events[n-1].Err == nil {
		l.events[n-1].N += e.N // merge: thousands of small reads say nothing more than one
	} else {
		l.events = append(l.events, e)
	}
	close(l.changed)
	l.changed = make(chan struct{})
}

// Events returns a copy of the events so far.
func (l *Ledger) Events() []Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Event(nil), l.events...)
}

// Accepted returns the bytes the destination accepted from the code
// under test. Writes that bypass the boundary (raw descriptors) are not
// counted; the peer's reads still are.
func (l *Ledger) Accepted() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.accepted
}

// Delivered returns the bytes the peer has read so far.
func (l *Ledger) Delivered() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.delivered
}

// BufferedAtClose returns the bytes the watched writer still held when
// the destination was first closed (Close or CloseWrite), or -1 when
// that was not observable: nothing watched, or never closed.
func (l *Ledger) BufferedAtClose() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.events {
		if e.Kind == Close || e.Kind == CloseWrite {
			return e.Buffered
		}
	}
	return -1
}

// String returns the events, one a line.
func (l *Ledger) String() string {
	var b strings.Builder
	for _, e := range l.Events() {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// wait blocks until cond holds for the ledger (called with l.mu held)
// or one of the stop channels is closed, and reports whether cond held.
func (l *Ledger) wait(cond func(*Ledger) bool, stop1, stop2 <-chan struct{}) bool {
	stopped := false
	for {
		l.mu.Lock()
		ok := cond(l)
		ch := l.changed
		l.mu.Unlock()
		if ok || stopped {
			return ok
		}
		select {
		case <-ch:
		case <-stop1:
			stopped = true // look once more: the last change may be the one
		case <-stop2:
			stopped = true
		}
	}
}
