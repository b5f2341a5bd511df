// Package session is the connection of a chat-style protocol: a bufio
// writer over the connection, flushed when the session ends.
package session

import (
	"bufio"
	"net"
)

// SessionBad closes the connection before flushing the writer on it.
type SessionBad struct {
	conn net.Conn
	bw   *bufio.Writer
}

// NewSessionBad returns a session writing to conn.
func NewSessionBad(conn net.Conn) *SessionBad {
	return &SessionBad{conn: conn, bw: bufio.NewWriter(conn)}
}

// Say queues a line for the peer.
func (s *SessionBad) Say(line string) error {
	_, err := s.bw.WriteString(line + "\n")
	return err
}

// End closes the connection, then flushes into the closed connection:
// the goodbye lines still in the buffer never leave.
func (s *SessionBad) End() error {
	err := s.conn.Close()
	s.bw.Flush() // want closeorder discard
	return err
}

// SessionFixed flushes, then closes.
type SessionFixed struct {
	conn net.Conn
	bw   *bufio.Writer
}

// NewSessionFixed returns a session writing to conn.
func NewSessionFixed(conn net.Conn) *SessionFixed {
	return &SessionFixed{conn: conn, bw: bufio.NewWriter(conn)}
}

// Say queues a line for the peer.
func (s *SessionFixed) Say(line string) error {
	_, err := s.bw.WriteString(line + "\n")
	return err
}

// End flushes the buffer, then closes the connection.
func (s *SessionFixed) End() error {
	if err := s.bw.Flush(); err != nil {
		s.conn.Close()
		return err
	}
	return s.conn.Close()
}
