// Package nbsend sends messages on a non-blocking socket owned by an
// event loop.
package nbsend

import "syscall"

// SendBad drops the count of the raw write: when the socket buffer has
// room for part of msg, the rest is lost and SendBad returns nil.
func SendBad(fd int, msg []byte, waitWritable func() error) error {
	_, err := syscall.Write(fd, msg) // want pollpending `short write from syscall.Write is ignored`
	return err
}

// SendFixed advances by the count and waits for writability on EAGAIN.
func SendFixed(fd int, msg []byte, waitWritable func() error) error {
	for len(msg) > 0 {
		n, err := syscall.Write(fd, msg)
		if err == syscall.EAGAIN {
			if err := waitWritable(); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		msg = msg[n:]
	}
	return nil
}
