package a

import (
	"errors"
	"fmt"
	"io"
	"log"
	"syscall"

	"golang.org/x/sys/unix"
)

// Raw writes whose count is dropped or never compared with the length.

func dropped(fd int, p []byte) error {
	_, err := syscall.Write(fd, p) // want `short write from syscall.Write is ignored; some of len\(p\) bytes may be all that was sent`
	return err
}

func droppedOK(fd int, p []byte) error {
	n, err := syscall.Write(fd, p)
	if err != nil {
		return err
	}
	if n != len(p) { // ok: compared with the length
		return io.ErrShortWrite
	}
	return nil
}

func statement(fd int, p []byte) {
	unix.Write(fd, p) // want `short write from unix.Write is ignored`
}

func loggedOnly(fd int, p []byte) error {
	n, err := unix.Write(fd, p) // want `short write from unix.Write is ignored; n of len\(p\) bytes may be all that was sent`
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	log.Printf("wrote %d bytes", n)
	return nil
}

func fullLength(fd int, p []byte) (int, error) {
	n, err := unix.Write(fd, p) // want `short write from unix.Write is ignored; n of len\(p\) bytes`
	if err != nil {
		return n, err
	}
	return len(p), nil
}

func passedOn(fd int, p []byte) (int, error) { // want passedOn:"pollWrite\\(buf=1\\)"
	n, err := unix.Write(fd, p)
	if err != nil {
		return 0, err
	}
	return n, nil // ok: the caller gets the count
}

func returnedDirectly(fd int, p []byte) (int, error) { // want returnedDirectly:"pollWrite\\(buf=1\\)"
	return unix.Write(fd, p) // ok: the caller gets the count
}

func negativeOnly(fd int, p []byte) error {
	n, err := unix.Write(fd, p) // want `short write from unix.Write is ignored; n of len\(p\) bytes`
	if n < 0 {
		return err
	}
	return nil
}

// The loop of internal/poll's (*FD).Write: advance by n until done.
func writeAll(fd int, p []byte) (int, error) {
	var nn int
	for nn < len(p) {
		n, err := unix.Write(fd, p[nn:])
		if n > 0 {
			nn += n // ok: advances by n
		}
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nn, err
		}
		if n == 0 {
			return nn, io.ErrUnexpectedEOF
		}
	}
	return nn, nil
}

func sliceLoop(fd int, p []byte) error {
	for len(p) > 0 {
		n, err := unix.Write(fd, p)
		if err != nil {
			return err
		}
		p = p[n:] // ok: advances by n
	}
	return nil
}

func errorPathOnly(fd int, p []byte) error {
	_, err := unix.Write(fd, p)
	if err != nil {
		return err
	}
	return errors.New("not implemented") // ok: failure is reported anyway
}

func sendmsgN(fd int, p, oob []byte) error {
	_, err := syscall.SendmsgN(fd, p, oob, nil, 0) // want `short write from syscall.SendmsgN is ignored; some of len\(p\) bytes`
	return err
}

func writev(fd int, iovs [][]byte) error {
	_, err := unix.Writev(fd, iovs) // want `short write from unix.Writev is ignored; some of the bytes in iovs may be all that was sent`
	return err
}

func writevOK(fd int, iovs [][]byte, total int) error {
	n, err := unix.Writev(fd, iovs)
	if err == nil && n < total { // ok: compared
		err = io.ErrShortWrite
	}
	return err
}

// Sendto and Sendmsg return no count: nothing to compare.
func sendto(fd int, p []byte, to unix.Sockaddr) error {
	return unix.Sendto(fd, p, 0, to) // ok: no count
}

func stored(c *conn, p []byte) error {
	var err error
	c.sent, err = unix.Write(c.fd, p) // ok: stored for the caller
	return err
}

type conn struct {
	fd   int
	sent int
	out  []byte
}

// Sent is how the caller of stored reads the count.
func (c *conn) Sent() int { return c.sent }

// A count kept in a field nothing reads is as good as dropped; one the
// next call resumes from is not.

type meter struct {
	fd    int
	bytes int64
	last  int
}

func (m *meter) send(p []byte) error {
	n, err := unix.Write(m.fd, p) // want `short write from unix.Write is ignored; n of len\(p\) bytes`
	if err != nil {
		return err
	}
	m.bytes += int64(n)
	return nil
}

func (m *meter) sendStored(p []byte) error {
	var err error
	m.last, err = unix.Write(m.fd, p) // want `short write from unix.Write is ignored; some of len\(p\) bytes`
	return err
}

type resumer struct {
	fd  int
	buf []byte
	off int
}

func (r *resumer) onWritable() error {
	n, err := unix.Write(r.fd, r.buf[r.off:])
	if err != nil {
		return err
	}
	r.off += n // ok: the next call resumes from off
	return nil
}

func discardedExplicitly(fd int, p []byte) error {
	n, err := unix.Write(fd, p) // want `short write from unix.Write is ignored; n of len\(p\)`
	_ = n
	return err
}

func panics(fd int, p []byte) {
	_, err := unix.Write(fd, p)
	if err != nil {
		panic(err)
	}
	panic("unreachable") // ok: never reports success
}

// Writes through io.Writer are exempt: the contract makes a short write
// return an error.
func viaWriter(w io.Writer, p []byte) error {
	_, err := w.Write(p) // ok: io.Writer
	return err
}

type fdWriter struct{ fd int }

// Write is bound by io.Writer's contract; pollpending does not learn a
// poll-style fact from it.
func (w fdWriter) Write(p []byte) (int, error) {
	return unix.Write(w.fd, p)
}

func viaFDWriter(w fdWriter, p []byte) error {
	_, err := w.Write(p) // ok: a Write([]byte) (int, error) method
	return err
}

// Only an empty buffer writes 0 bytes without an error: nothing is lost
// on a path where the count can only be 0.

func finish(n int, p []byte) error {
	if n < len(p) {
		return io.ErrShortWrite
	}
	return nil
}

func zeroPath(fd int, p []byte) error {
	n, err := unix.Write(fd, p) // ok: the count is checked wherever it is positive
	if err != nil {
		return err
	}
	if n > 0 {
		return finish(n, p)
	}
	return nil
}

func zeroOnly(fd int, p []byte) error {
	n, err := unix.Write(fd, p) // want `short write from unix.Write is ignored; n of len\(p\) bytes`
	if err != nil {
		return err
	}
	if n == 0 {
		return io.ErrUnexpectedEOF
	}
	return nil
}

// A loop whose condition reads the count consumes it.
func writevConsume(fd int, iov [][]byte, wait func() error) error {
	for len(iov) > 0 {
		n, err := unix.Writev(fd, iov) // ok: the inner loop consumes n
		if err == unix.EAGAIN {
			if err := wait(); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		for n > 0 && len(iov) > 0 {
			if n < len(iov[0]) {
				iov[0] = iov[0][n:]
				break
			}
			n -= len(iov[0])
			iov = iov[1:]
		}
	}
	return nil
}
