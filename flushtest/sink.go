package flushtest

import (
	"errors"
	"io"
	"os"
	"sync"
)

// ErrNoSpace is the error of a Sink that stopped accepting bytes, as a
// full disk or an exhausted quota would.
var ErrNoSpace = errors.New("flushtest: no space left on destination")

// A Fault makes a Sink misbehave.
type Fault func(*Sink)

// FailAfter makes the sink accept n bytes in total, then fail: the write
// that crosses n is short, the ones after it accept nothing. A nil err
// means ErrNoSpace.
func FailAfter(n int64, err error) Fault {
	return func(s *Sink) {
		s.limit = n
		s.limitErr = orNoSpace(err)
	}
}

// ShortWrites makes every write accept at most max bytes and return err
// when it accepted fewer than offered. A nil err models a writer that
// breaks io.Writer's contract, which bufio and io.Copy turn into
// io.ErrShortWrite.
func ShortWrites(max int, err error) Fault {
	return func(s *Sink) {
		s.maxWrite = max
		s.shortErr = err
	}
}

// FailClose makes Close return err (after closing): a commit that fails.
func FailClose(err error) Fault {
	return func(s *Sink) { s.closeErr = err }
}

func orNoSpace(err error) error {
	if err == nil {
		return ErrNoSpace
	}
	return err
}

// A Sink is an in-memory final destination, a stand-in for a file, an
// object-store upload or a socket whose bytes need no reader: what it
// accepts is delivered. Every Write and Close is recorded in its Ledger.
// It is safe for concurrent use.
type Sink struct {
	ledger *Ledger
	w      watch

	mu       sync.Mutex
	data     []byte
	limit    int64 // bytes accepted before failing; -1: no limit
	limitErr error
	maxWrite int
	shortErr error
	closeErr error
	failing  error // set by Fail: every write fails from now on
	closed   bool
}

// NewSink returns a sink with the given faults; without any it accepts
// everything.
func NewSink(faults ...Fault) *Sink {
	s := &Sink{ledger: NewLedger(), limit: -1}
	for _, f := range faults {
		f(s)
	}
	return s
}

// Write accepts what the faults allow and records the outcome.
func (s *Sink) Write(p []byte) (int, error) {
	n, err := s.accept(p)
	s.ledger.record(Event{Kind: Write, Len: len(p), N: int64(n), Err: err, Buffered: -1})
	return n, err
}

func (s *Sink) accept(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, os.ErrClosed
	}
	if s.failing != nil {
		return 0, s.failing
	}
	n, err := len(p), error(nil)
	if s.maxWrite > 0 && n > s.maxWrite {
		n, err = s.maxWrite, s.shortErr
	}
	if room := s.limit - int64(len(s.data)); s.limit >= 0 && int64(n) > room {
		n, err = int(room), s.limitErr
	}
	s.data = append(s.data, p[:n]...)
	return n, err
}

// Close closes the sink; later writes fail with os.ErrClosed. The
// bytes accepted so far stay delivered.
func (s *Sink) Close() error {
	buffered := s.w.sample()
	s.mu.Lock()
	s.closed = true
	err := s.closeErr
	s.mu.Unlock()
	s.ledger.record(Event{Kind: Close, Err: err, Buffered: buffered})
	return err
}

// Fail is a gate: from now on every write fails with err (ErrNoSpace if
// nil). Call it from the test at the exact point the destination should
// break, for instance after the last record was handed over.
func (s *Sink) Fail(err error) {
	err = orNoSpace(err)
	s.mu.Lock()
	s.failing = err
	s.mu.Unlock()
	s.ledger.record(Event{Kind: Fail, Err: err, Buffered: -1})
}

// Watch tells the sink which buffered writer sits on top of it, so that
// Close records the bytes that writer still held.
func (s *Sink) Watch(b Buffered) { s.w.set(b) }

// Bytes returns a copy of the bytes accepted.
func (s *Sink) Bytes() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]byte(nil), s.data...)
}

// Len returns the number of bytes accepted.
func (s *Sink) Len() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return int64(len(s.data))
}

// Ledger returns the sink's ledger.
func (s *Sink) Ledger() *Ledger { return s.ledger }

// Judge returns the verdict on a run that promised promised bytes and
// reported reported: for a sink, delivered is what it accepted.
func (s *Sink) Judge(promised int64, reported error) Verdict {
	v := Judge(promised, s.Len(), reported)
	v.Buffered = s.ledger.BufferedAtClose()
	return v
}

// BreakAfter returns a reader that yields r's first n bytes and then
// fails with err (io.ErrUnexpectedEOF if nil): an upstream whose
// connection broke mid-stream.
func BreakAfter(r io.Reader, n int64, err error) io.Reader {
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return &breakReader{r: io.LimitReader(r, n), err: err}
}

type breakReader struct {
	r   io.Reader
	err error
}

func (b *breakReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF {
		err = b.err
	}
	return n, err
}
