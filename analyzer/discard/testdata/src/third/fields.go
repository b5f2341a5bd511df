package third

import (
	"bufio"
	"compress/flate"
	"net"
	"time"
)

// Stream sync-flushes each message; only its writes are checked anywhere.
type Stream struct {
	conn net.Conn
	fw   *flate.Writer
}

// Send reports the message sent though its flush failed: a later Write
// returns the error only with the next message.
func (s *Stream) Send(msg []byte) error {
	if _, err := s.fw.Write(msg); err != nil {
		return err
	}
	s.fw.Flush() // want `error from \(\*flate.Writer\).Flush on s.fw is discarded`
	return nil
}

// Client pipelines commands; Do checks the flush.
type Client struct {
	conn net.Conn
	bw   *bufio.Writer
}

func NewClient(conn net.Conn) *Client {
	return &Client{conn: conn, bw: bufio.NewWriter(conn)}
}

func (c *Client) Do(cmd string) error {
	c.bw.WriteString(cmd)
	return c.bw.Flush()
}

// Nudge flushes early to cut latency; Do returns the error again.
func (c *Client) Nudge() {
	c.bw.Flush() // ok: the sticky error comes back from the checked Flush in Do
}

// Close drops the pending commands' flush and closes the connection:
// nothing uses the writer after it.
func (c *Client) Close() error {
	c.bw.Flush() // want `error from \(\*bufio.Writer\).Flush on c.bw is discarded`
	return c.conn.Close()
}

// Finish means to return the flush error and overwrites it.
func (c *Client) Finish() error {
	err := c.bw.Flush() // want `error from \(\*bufio.Writer\).Flush on c.bw is assigned to err and overwritten before it is read`
	err = c.conn.SetWriteDeadline(time.Time{})
	return err
}
