// Package quic stubs the stream types of github.com/quic-go/quic-go
// (v0.65.0) that the knowledge table names: only what the fixtures use.
package quic

import (
	"errors"
	"fmt"
)

var errClosed = errors.New("write on closed stream")

// SendStream is the send direction of a stream. Its Close closes that
// direction and queues the FIN; it fails only when called after
// CancelWrite (send_stream.go).
type SendStream struct {
	finished, canceled bool
}

func (s *SendStream) Write(p []byte) (int, error) {
	if s.finished {
		return 0, errClosed
	}
	return len(p), nil
}

func (s *SendStream) Close() error {
	if s.canceled {
		return fmt.Errorf("close called for canceled stream")
	}
	s.finished = true
	return nil
}

func (s *SendStream) CancelWrite(code uint64) { s.canceled = true }

// Stream is a bidirectional stream; its Close closes the send
// direction only (stream.go).
type Stream struct {
	sendStr *SendStream
}

func (s *Stream) Read(p []byte) (int, error) { return 0, nil }

func (s *Stream) Write(p []byte) (int, error) { return s.sendStr.Write(p) }

func (s *Stream) Close() error { return s.sendStr.Close() }

func (s *Stream) CancelWrite(code uint64) { s.sendStr.CancelWrite(code) }
