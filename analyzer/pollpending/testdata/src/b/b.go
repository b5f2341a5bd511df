// Package b imports neither syscall nor x/sys/unix: it is analyzed
// because pollutil's package fact says it exposes a poll-style API.
package b

import (
	"io"

	"pollutil"
)

func tryDropped(fd int, p []byte) error {
	_, err := pollutil.TryWrite(fd, p) // want `short write from pollutil.TryWrite is ignored; some of len\(p\) bytes may be all that was sent`
	return err
}

func tryChecked(fd int, p []byte) error {
	n, err := pollutil.TryWrite(fd, p)
	if err != nil {
		return err
	}
	if n < len(p) { // ok: compared with the length
		return io.ErrShortWrite
	}
	return nil
}

func writeAllDropped(fd int, p []byte) error {
	_, err := pollutil.WriteAll(fd, p) // ok: WriteAll is not poll-style
	return err
}

func tryAgainNil(fd int, p []byte) error {
	n, err := pollutil.TryWrite(fd, p)
	if pollutil.IsWouldBlock(err) {
		return nil // want `EAGAIN from pollutil.TryWrite is treated as success`
	}
	if err != nil {
		return err
	}
	if n < len(p) {
		return io.ErrShortWrite
	}
	return nil
}

func tryAgainPropagated(fd int, p []byte) error {
	n, err := pollutil.TryWrite(fd, p)
	if pollutil.IsEAGAIN(err) {
		return err // ok: the caller learns the write would block
	}
	if err != nil {
		return err
	}
	if n < len(p) {
		return io.ErrShortWrite
	}
	return nil
}

func tryClosedNil(fd int, p []byte) error {
	n, err := pollutil.TryWrite(fd, p)
	if pollutil.IsClosed(err) {
		return nil // ok: not an EAGAIN test
	}
	if err != nil {
		return err
	}
	if n < len(p) {
		return io.ErrShortWrite
	}
	return nil
}

func flushDropped(c *pollutil.Conn) {
	c.Flush() // want `result of c.Flush is discarded; false means the write would block and the unsent bytes are dropped`
}

func flushBlank(c *pollutil.Conn) {
	_ = c.Flush() // want `result of c.Flush is discarded`
}

func flushKept(c *pollutil.Conn) bool {
	return c.Flush() // ok: the caller learns whether it is done
}

func flushLoop(c *pollutil.Conn, wait func()) {
	for !c.Flush() { // ok: waits until done
		wait()
	}
}

func closeQueue(q *pollutil.Queue, closeFn func() error) error {
	if _, err := q.FlushOnce(); err != nil { // want `done result of q.FlushOnce is discarded; false means the write would block and the unsent bytes are dropped`
		return err
	}
	return closeFn()
}

func flushQueueOrWait(q *pollutil.Queue, wait func()) error {
	for {
		done, err := q.FlushOnce() // ok: done is read
		if err != nil || done {
			return err
		}
		wait()
	}
}

func closeQueueStrict(q *pollutil.Queue, closeFn func() error) error {
	if _, err := q.FlushOrFail(); err != nil { // ok: EAGAIN comes back as the error
		return err
	}
	return closeFn()
}
