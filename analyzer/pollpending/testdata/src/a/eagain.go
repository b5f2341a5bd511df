package a

import (
	"errors"
	"io"
	"log"

	"golang.org/x/sys/unix"
)

// EAGAIN caught and treated as success.

func sendAgainNil(fd int, p []byte, to unix.Sockaddr) error {
	err := unix.Sendto(fd, p, 0, to)
	if err == unix.EAGAIN {
		return nil // want `EAGAIN from unix.Sendto is treated as success; nothing waits for the socket and the unsent bytes of p are dropped`
	}
	return err
}

func sendAgainPropagated(fd int, p []byte, to unix.Sockaddr) error {
	err := unix.Sendto(fd, p, 0, to)
	if err == unix.EAGAIN {
		return err // ok: the caller learns the write would block
	}
	return err
}

func writeAgainFull(fd int, p []byte) (int, error) {
	for {
		n, err := unix.Write(fd, p)
		if errors.Is(err, unix.EAGAIN) {
			log.Printf("socket full")
			return len(p), nil // want `EAGAIN from unix.Write is treated as success`
		}
		if err != nil {
			return n, err
		}
		if n < len(p) {
			p = p[n:]
			continue
		}
		return len(p), nil
	}
}

func writeAgainPartial(fd int, p []byte) (int, error) { // want writeAgainPartial:"pollWrite\\(buf=1\\)"
	n, err := unix.Write(fd, p)
	if err == unix.EAGAIN {
		return 0, nil // ok: reports that nothing was written
	}
	return n, err
}

func writeAgainRetry(fd int, p []byte) (int, error) { // want writeAgainRetry:"pollWrite\\(buf=1\\)"
	for {
		n, err := unix.Write(fd, p)
		if err == unix.EAGAIN {
			continue // ok: retried (busy, but nothing is lost)
		}
		return n, err
	}
}

func writeAgainWait(fd, epfd int, p []byte) error {
	for len(p) > 0 {
		n, err := unix.Write(fd, p)
		if err == unix.EAGAIN {
			if _, err := unix.EpollWait(epfd, nil, -1); err != nil {
				return err
			}
			continue // ok: waited for writability
		}
		if err != nil {
			return err
		}
		p = p[n:]
	}
	return nil
}

func (c *conn) flushAgain() error {
	n, err := unix.Write(c.fd, c.out)
	if err == unix.EAGAIN {
		return nil // ok: c.out still holds the bytes for the next EPOLLOUT
	}
	if err != nil {
		return err
	}
	c.out = c.out[n:]
	return nil
}

func queueAgain(c *conn, p []byte) error {
	n, err := unix.Write(c.fd, p)
	if err == unix.EAGAIN {
		c.out = append(c.out, p...)
		return nil // ok: queued for later
	}
	if err != nil {
		return err
	}
	c.out = append(c.out, p[n:]...)
	return nil
}

func switchAgain(fd int, p []byte, oob []byte, to unix.Sockaddr) error {
	switch err := unix.Sendmsg(fd, p, oob, to, 0); err {
	case nil:
		return nil
	case unix.EWOULDBLOCK:
		return nil // want `EAGAIN from unix.Sendmsg is treated as success`
	default:
		return err
	}
}

func helperAgain(fd int, p []byte, to unix.Sockaddr) error {
	if err := unix.Sendto(fd, p, 0, to); err != nil {
		if isAgain(err) {
			return nil // want `EAGAIN from unix.Sendto is treated as success`
		}
		return err
	}
	return nil
}

func swallowAll(fd int, p []byte, to unix.Sockaddr) error {
	if err := unix.Sendto(fd, p, 0, to); err != nil {
		return nil // ok for this check: every error is dropped, not EAGAIN in particular
	}
	return nil
}

func retryForCond(fd int, p []byte) error {
	for len(p) > 0 {
		n, err := unix.Write(fd, p)
		if err == unix.EAGAIN {
			continue // ok: the loop condition still holds, the write runs again
		}
		if err != nil {
			return err
		}
		p = p[n:]
	}
	return nil
}

func waitForSignal(fd int, p []byte, writable <-chan struct{}) error {
	for len(p) > 0 {
		n, err := unix.Write(fd, p)
		if err == unix.EAGAIN {
			<-writable // ok: waits for writability
			continue
		}
		if err != nil {
			return err
		}
		p = p[n:]
	}
	return nil
}

func rangeSkip(fd int, msgs [][]byte, to unix.Sockaddr) error {
	for _, m := range msgs {
		err := unix.Sendto(fd, m, 0, to)
		if err == unix.EAGAIN {
			continue // the next message: this one is dropped
		}
		if err != nil {
			return err
		}
	}
	return nil // want `EAGAIN from unix.Sendto is treated as success`
}

// The count compared with the length: where it is equal, the write
// succeeded in full, whatever EAGAIN did before.

func writeOrQueue(c *conn, msg []byte, arm func(int) error) error {
	n, err := unix.Write(c.fd, msg)
	if err != nil && err != unix.EAGAIN {
		return err
	}
	if n < 0 {
		n = 0
	}
	if n == len(msg) {
		return nil // ok: everything was written
	}
	c.out = append(c.out, msg[n:]...)
	return arm(c.fd)
}

func writeOrGiveUp(c *conn, msg []byte) error {
	n, err := unix.Write(c.fd, msg)
	if n >= len(msg) {
		return nil // ok: everything was written
	}
	if err == unix.EAGAIN {
		return nil // want `EAGAIN from unix.Write is treated as success`
	}
	if err != nil {
		return err
	}
	return io.ErrShortWrite
}

// A done result says the write is finished: true after EAGAIN drops the
// bytes wherever they are kept, a field or the caller's slice.

type session struct {
	fd  int
	out []byte
	err error
}

func (s *session) drain() (done bool) {
	for len(s.out) > 0 {
		n, err := unix.Write(s.fd, s.out)
		if err != nil {
			if err != unix.EINTR && err != unix.EAGAIN {
				s.err = err
			}
			return err == nil || err == unix.EAGAIN // want `EAGAIN from unix.Write is treated as success`
		}
		s.out = s.out[n:]
	}
	return true
}

func (s *session) drainOK() (done bool) { // want drainOK:"pollDone"
	for len(s.out) > 0 {
		n, err := unix.Write(s.fd, s.out)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			if err != unix.EAGAIN {
				s.err = err
			}
			return err != unix.EAGAIN // ok: false on EAGAIN
		}
		s.out = s.out[n:]
	}
	return true
}

func offerQuick(fd int, p *[]byte) bool {
	n, err := unix.Write(fd, *p)
	if err == unix.EAGAIN {
		return true // want `EAGAIN from unix.Write is treated as success`
	}
	if err != nil {
		return true
	}
	*p = (*p)[n:]
	return len(*p) == 0
}

func (s *session) stepEager() (done bool, err error) {
	n, err := unix.Write(s.fd, s.out)
	switch {
	case err == nil:
		s.out = s.out[n:]
		return len(s.out) == 0, nil
	case errors.Is(err, unix.EWOULDBLOCK):
		return true, nil // want `EAGAIN from unix.Write is treated as success`
	}
	return false, err
}

// wouldBlock's true means "try again later": it answers false on success.
func wouldBlock(fd int, p *[]byte) bool {
	n, err := unix.Write(fd, *p)
	if err == unix.EAGAIN {
		return true // ok: true means the write would block
	}
	if err != nil {
		return false
	}
	*p = (*p)[n:]
	return false
}

// EAGAIN let through with success: told apart from the failures, not
// from success.

func sendLetThrough(fd int, p []byte, to unix.Sockaddr) error {
	if err := unix.Sendto(fd, p, 0, to); err != nil && err != unix.EAGAIN {
		return err
	}
	return nil // want `EAGAIN from unix.Sendto is treated as success`
}

func sendOrKeep(c *conn, p []byte, to unix.Sockaddr) error {
	err := unix.Sendto(c.fd, p, 0, to)
	if err != nil && err != unix.EAGAIN {
		return err
	}
	if err != nil {
		c.out = append(c.out, p...) // kept for the next EPOLLOUT
	}
	return nil // ok: on EAGAIN the bytes were kept
}

// Closing the descriptor abandons the bytes; its error says nothing of
// them.

func quitNow(fd int) error {
	msg := []byte("QUIT\r\n")
	n, err := unix.Write(fd, msg)
	switch {
	case errors.Is(err, unix.EAGAIN):
		return unix.Close(fd) // want `EAGAIN from unix.Write is treated as success`
	case err != nil:
		return err
	case n != len(msg):
		return io.ErrShortWrite
	}
	return unix.Close(fd)
}

func quitReported(fd int) error {
	msg := []byte("QUIT\r\n")
	n, err := unix.Write(fd, msg)
	if errors.Is(err, unix.EAGAIN) {
		unix.Close(fd)
		return err // ok: the caller learns the goodbye was not sent
	}
	if err != nil {
		return err
	}
	if n != len(msg) {
		return io.ErrShortWrite
	}
	return unix.Close(fd)
}

func quitClosedFirst(fd int) error {
	msg := []byte("QUIT\r\n")
	n, err := unix.Write(fd, msg)
	if err == unix.EAGAIN {
		unix.Close(fd)
		return nil // want `EAGAIN from unix.Write is treated as success`
	}
	if err != nil {
		return err
	}
	if n != len(msg) {
		return io.ErrShortWrite
	}
	return nil
}

// Counting a drop does not keep the bytes; queueing them does.

type device struct {
	fd      int
	queue   []byte
	queued  int
	dropped uint64
}

func (d *device) inject(pkt []byte) (int, error) { // want inject:"pollWrite\\(buf=0\\)"
	n, err := unix.Write(d.fd, pkt)
	if err == unix.EAGAIN {
		d.dropped++
		return len(pkt), nil // want `EAGAIN from unix.Write is treated as success`
	}
	if err != nil {
		return 0, err
	}
	if n != len(pkt) {
		return n, io.ErrShortWrite
	}
	return n, nil
}

func (d *device) injectQueued(pkt []byte) (int, error) { // want injectQueued:"pollWrite\\(buf=0\\)"
	n, err := unix.Write(d.fd, pkt)
	if err == unix.EAGAIN {
		d.queued += len(pkt)
		d.queue = append(d.queue, pkt...)
		return len(pkt), nil // ok: queued for the next EPOLLOUT
	}
	if err != nil {
		return 0, err
	}
	if n != len(pkt) {
		return n, io.ErrShortWrite
	}
	return n, nil
}

const waitWritable = 1

type stateConn struct {
	fd    int
	state int
	drops int
}

func (c *stateConn) sendCounted(p []byte) error {
	err := unix.Sendto(c.fd, p, 0, nil)
	if err == unix.EAGAIN {
		c.drops += 1
		return nil // want `EAGAIN from unix.Sendto is treated as success`
	}
	return err
}

func (c *stateConn) sendWaiting(p []byte) error {
	err := unix.Sendto(c.fd, p, 0, nil)
	if err == unix.EAGAIN {
		c.state = waitWritable
		return nil // ok: the state tells the caller to wait and send again
	}
	return err
}
