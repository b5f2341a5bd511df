// Package linger answers a request and closes the connection at once,
// the way busy servers try to avoid TIME_WAIT.
package linger

import "net"

// ReplyBad sets SO_LINGER to 0 after writing: Close then sends a reset
// and the kernel drops what the client has not read yet.
func ReplyBad(c *net.TCPConn, msg []byte) error {
	if _, err := c.Write(msg); err != nil {
		return err
	}
	c.SetLinger(0) // want closeorder
	return c.Close()
}

// ReplyFixed closes normally: the kernel delivers the buffered bytes,
// then the FIN.
func ReplyFixed(c *net.TCPConn, msg []byte) error {
	if _, err := c.Write(msg); err != nil {
		return err
	}
	return c.Close()
}
