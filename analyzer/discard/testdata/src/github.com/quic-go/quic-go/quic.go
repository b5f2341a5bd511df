// Package quic is a stub of the stream API of github.com/quic-go/quic-go.
package quic

import "errors"

var (
	errCanceled = errors.New("close called for canceled stream")
	errClosed   = errors.New("write on closed stream")
)

// SendStream's Close queues the FIN; it fails only after CancelWrite.
type SendStream struct{ canceled, finished bool }

func (s *SendStream) CancelWrite(code uint64) { s.canceled = true }

func (s *SendStream) Write(p []byte) (int, error) {
	if s.canceled || s.finished {
		return 0, errClosed
	}
	return len(p), nil
}

func (s *SendStream) Close() error {
	if s.canceled {
		return errCanceled
	}
	s.finished = true
	return nil
}

// Stream's Close closes its send direction only.
type Stream struct{ send *SendStream }

func (s *Stream) Read(p []byte) (int, error)  { return 0, nil }
func (s *Stream) Write(p []byte) (int, error) { return s.send.Write(p) }
func (s *Stream) Close() error                { return s.send.Close() }
