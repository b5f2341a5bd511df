package facts

import (
	"bufio"
	"errors"
	"sync"

	"github.com/quic-go/quic-go"
)

// A stream that embeds a QUIC stream and hands its Close on after some
// bookkeeping (quic-go's http3 stateTrackingStream): a connection too.
type trackedStream struct { // want trackedStream:"writer conn"
	*quic.Stream
	mu   sync.Mutex
	done bool
}

func (s *trackedStream) Close() error {
	s.mu.Lock()
	s.done = true
	s.mu.Unlock()
	return s.Stream.Close()
}

// A wrapper of such a wrapper, closed only once.
type onceStream struct { // want onceStream:"writer conn"
	str    *trackedStream
	closed bool
}

func (s *onceStream) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.str.Close()
}

// Near misses: a Close that also returns a flush's error commits it.
type flushingStream struct {
	*quic.SendStream
	bw *bufio.Writer
}

func (s *flushingStream) Close() error { // want Close:"commits buffered bytes may not be written"
	return errors.Join(s.bw.Flush(), s.SendStream.Close())
}

// ok: a type with its own Flush is judged by it, whatever its Close.
type bufferedStream struct {
	*quic.Stream
	bw *bufio.Writer
}

func (s *bufferedStream) Flush() error { return s.bw.Flush() } // want Flush:"commits buffered bytes may not be written"

func (s *bufferedStream) Close() error { return s.Stream.Close() }
