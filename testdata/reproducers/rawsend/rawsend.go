// Package rawsend writes to a TCP connection from inside the runtime's
// poller through syscall.RawConn, as zero-copy senders do.
package rawsend

import (
	"net"
	"syscall"
)

// SendBad stops at the first error, EAGAIN included, and tells the
// runtime it is done: with the socket buffer full, the rest of p is
// never sent and SendBad returns nil.
func SendBad(c *net.TCPConn, p []byte) error {
	rc, err := c.SyscallConn()
	if err != nil {
		return err
	}
	return rc.Write(func(fd uintptr) bool {
		for len(p) > 0 {
			n, err := syscall.Write(int(fd), p)
			if err != nil || n <= 0 {
				break // the socket is full or broken: stop for now
			}
			p = p[n:]
		}
		return true // want pollpending `RawConn.Write callback returns true after EAGAIN`
	})
}

// SendFixed answers EAGAIN with false, so the runtime waits for the
// socket (up to the write deadline) and calls it again.
func SendFixed(c *net.TCPConn, p []byte) error {
	rc, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var werr error
	err = rc.Write(func(fd uintptr) bool {
		for len(p) > 0 {
			n, err := syscall.Write(int(fd), p)
			if err == syscall.EAGAIN {
				return false
			}
			if err != nil {
				werr = err
				return true
			}
			p = p[n:]
		}
		return true
	})
	if err != nil {
		return err
	}
	return werr
}
