// Package wire frames length-prefixed messages onto a stream connection.
package wire

import (
	"bufio"
	"encoding/binary"
	"net"
)

// Framer buffers frames in front of a connection.
type Framer struct {
	conn net.Conn
	bw   *bufio.Writer
}

// NewFramer returns a Framer writing to conn.
func NewFramer(conn net.Conn) *Framer {
	return &Framer{conn: conn, bw: bufio.NewWriterSize(conn, 32<<10)}
}

// WriteFrame appends one frame to the buffer.
func (f *Framer) WriteFrame(p []byte) error {
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(p)))
	if _, err := f.bw.Write(hdr[:]); err != nil {
		return err
	}
	_, err := f.bw.Write(p)
	return err
}

// Flush sends every buffered frame.
func (f *Framer) Flush() error {
	return f.bw.Flush()
}

// Close flushes the buffered frames and closes the connection.
func (f *Framer) Close() error {
	if err := f.bw.Flush(); err != nil {
		f.conn.Close()
		return err
	}
	return f.conn.Close()
}
