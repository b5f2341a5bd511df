// Package client is a pipelining client library: commands are buffered
// and sent in batches.
package client

import (
	"bufio"
	"net"
)

// ClientBad never flushes its buffer in Close.
type ClientBad struct {
	conn net.Conn
	bw   *bufio.Writer
}

// NewClientBad returns a client over conn.
func NewClientBad(conn net.Conn) *ClientBad {
	return &ClientBad{conn: conn, bw: bufio.NewWriter(conn)}
}

// Send queues a command.
func (c *ClientBad) Send(cmd string) error {
	_, err := c.bw.WriteString(cmd + "\r\n")
	return err
}

// Close closes the connection with the last commands still buffered.
func (c *ClientBad) Close() error {
	return c.conn.Close() // want unflushed
}

// ClientFixed flushes in Close.
type ClientFixed struct {
	conn net.Conn
	bw   *bufio.Writer
}

// NewClientFixed returns a client over conn.
func NewClientFixed(conn net.Conn) *ClientFixed {
	return &ClientFixed{conn: conn, bw: bufio.NewWriter(conn)}
}

// Send queues a command.
func (c *ClientFixed) Send(cmd string) error {
	_, err := c.bw.WriteString(cmd + "\r\n")
	return err
}

// Close flushes the queued commands, then closes the connection.
func (c *ClientFixed) Close() error {
	if err := c.bw.Flush(); err != nil {
		c.conn.Close()
		return err
	}
	return c.conn.Close()
}
