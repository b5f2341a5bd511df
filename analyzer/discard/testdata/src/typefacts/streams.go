package typefacts

import (
	"bufio"
	"errors"

	"github.com/quic-go/quic-go"

	"tflib"
)

// QUIC streams: Close only closes the send direction and queues the FIN,
// like closing a connection.

func respond(str *quic.Stream, body []byte) {
	if _, err := str.Write(body); err != nil {
		return
	}
	str.Close() // ok: a QUIC stream's Close only queues the FIN
}

func push(str *quic.SendStream, frame []byte) {
	if _, err := str.Write(frame); err != nil {
		return
	}
	str.Close() // ok: a QUIC stream's Close only queues the FIN
}

func respondBuffered(str *quic.Stream, body []byte) {
	bw := bufio.NewWriter(str)
	if _, err := bw.Write(body); err != nil {
		return
	}
	bw.Flush()  // want `error from \(\*bufio.Writer\).Flush on bw is discarded before str.Close; buffered bytes may not be written`
	str.Close() // ok: a QUIC stream's Close only queues the FIN
}

// A stream that embeds a QUIC stream and hands its Close on after some
// bookkeeping (http3's stateTrackingStream) is a stream too.
type trackedStream struct {
	*quic.Stream
	done bool
}

func (s *trackedStream) Close() error {
	s.done = true
	return s.Stream.Close()
}

func respondTracked(str *trackedStream, body []byte) {
	if _, err := str.Write(body); err != nil {
		return
	}
	str.Close() // ok: a QUIC stream's Close only queues the FIN
}

// A send stream wrapped the same way in another package: without the
// fact, a written writer without Read would commit on Close.
func pushTracked(str *tflib.TrackedSend, frame []byte) {
	if _, err := str.Write(frame); err != nil {
		return
	}
	str.Close() // ok: a QUIC stream's Close only queues the FIN
}

// One that embeds a send stream and keeps its Close, written to.
type pushStream struct {
	*quic.SendStream
	id int
}

func pushOn(str *pushStream, frame []byte) {
	if _, err := str.Write(frame); err != nil {
		return
	}
	str.Close() // ok: a QUIC stream's Close only queues the FIN
}

// Near miss: a Close that also returns the error of flushing what the
// type buffers commits those bytes.
type framedStream struct {
	*quic.SendStream
	bw *bufio.Writer
}

func (s *framedStream) Write(p []byte) (int, error) { return s.bw.Write(p) }

func (s *framedStream) Close() error {
	return errors.Join(s.bw.Flush(), s.SendStream.Close())
}

func pushFramed(str *framedStream, frame []byte) {
	if _, err := str.Write(frame); err != nil {
		return
	}
	str.Close() // want `error from \(\*typefacts.framedStream\).Close on str is discarded just before returning; data written to it may not be committed`
}
