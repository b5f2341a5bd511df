package pollutil // want package:"pollAPI"

// Package pollutil is a user library with poll-style helpers, learned
// by its importers through facts.

import (
	"errors"
	"syscall"

	"golang.org/x/sys/unix"
)

// IsEAGAIN reports whether err means the write would block.
func IsEAGAIN(err error) bool { // want IsEAGAIN:"errTest\\(true:again false:nil\\|other\\)"
	return errors.Is(err, unix.EAGAIN)
}

// IsWouldBlock is the same test through IsEAGAIN.
func IsWouldBlock(err error) bool { // want IsWouldBlock:"errTest\\(true:again false:nil\\|other\\)"
	return IsEAGAIN(err)
}

// IsClosed is not an EAGAIN test.
func IsClosed(err error) bool { // want IsClosed:"errTest\\(true:other false:nil\\|again\\|other\\)"
	return errors.Is(err, unix.EPIPE)
}

// TryWrite writes what the socket takes now: n may be short and err
// may be EAGAIN.
func TryWrite(fd int, p []byte) (int, error) { // want TryWrite:"pollWrite\\(buf=1\\)"
	n, err := unix.Write(fd, p)
	if err != nil {
		return 0, err
	}
	return n, nil
}

// WriteAll writes everything or fails: not poll-style.
func WriteAll(fd int, p []byte) (int, error) {
	var nn int
	for nn < len(p) {
		n, err := unix.Write(fd, p[nn:])
		if err == unix.EAGAIN {
			continue
		}
		if err != nil {
			return nn, err
		}
		nn += n
	}
	return nn, nil
}

// Conn holds bytes that wait for the socket.
type Conn struct {
	FD      int
	pending []byte
}

// Flush sends the pending bytes; done is false while some remain.
func (c *Conn) Flush() (done bool) { // want Flush:"pollDone"
	for len(c.pending) > 0 {
		n, err := unix.Write(c.FD, c.pending)
		if IsEAGAIN(err) {
			return false
		}
		if err != nil {
			c.pending = nil
			return true
		}
		c.pending = c.pending[n:]
	}
	return true
}

// IsBusy is an EAGAIN test written as an assertion to syscall.Errno
// followed by a comparison: learned from the paths to its returns.
func IsBusy(err error) bool { // want IsBusy:"errTest\\(true:again false:nil\\|other\\)"
	en, ok := err.(syscall.Errno)
	return ok && (en == syscall.EAGAIN || en == syscall.EWOULDBLOCK)
}

// IsBusySwitch is the same test as a type switch.
func IsBusySwitch(err error) bool { // want IsBusySwitch:"errTest\\(true:again false:nil\\|other\\)"
	switch en := err.(type) {
	case syscall.Errno:
		return en == unix.EAGAIN
	}
	return false
}

// IsInterrupted asserts the same way but tests for EINTR.
func IsInterrupted(err error) bool { // want IsInterrupted:"errTest\\(true:other false:nil\\|again\\|other\\)"
	en, ok := err.(syscall.Errno)
	return ok && en == syscall.EINTR
}

// Queue holds the bytes of one non-blocking descriptor.
type Queue struct {
	fd  int
	buf []byte
}

// FlushOnce writes what the descriptor takes now: done is false with a
// nil error when it is full.
func (q *Queue) FlushOnce() (done bool, err error) { // want FlushOnce:"pollDone"
	for len(q.buf) > 0 {
		n, err := unix.Write(q.fd, q.buf)
		if err == unix.EAGAIN {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		q.buf = q.buf[n:]
	}
	return true, nil
}

// FlushOrFail returns EAGAIN as its error: done adds nothing to it.
func (q *Queue) FlushOrFail() (done bool, err error) {
	for len(q.buf) > 0 {
		n, err := unix.Write(q.fd, q.buf)
		if err != nil {
			return false, err
		}
		q.buf = q.buf[n:]
	}
	return true, nil
}
