// Package outbox keeps the bytes that wait for a non-blocking socket,
// the write half of an event loop's connection.
package outbox

import "syscall"

// Outbox holds the bytes not yet taken by the socket.
type Outbox struct {
	FD      int
	pending []byte
}

// Flush sends pending bytes; done is false while some remain because
// the socket would block.
func (o *Outbox) Flush() (done bool) {
	for len(o.pending) > 0 {
		n, err := syscall.Write(o.FD, o.pending)
		if err == syscall.EAGAIN {
			return false
		}
		if err != nil {
			o.pending = nil
			return true
		}
		o.pending = o.pending[n:]
	}
	return true
}

// SendBad queues msg and flushes once, ignoring whether the flush is
// done: the bytes left in the outbox are never sent.
func SendBad(o *Outbox, msg []byte, waitWritable func() error) error {
	o.pending = append(o.pending, msg...)
	o.Flush() // want pollpending `result of o.Flush is discarded`
	return nil
}

// SendFixed flushes until done, waiting for writability in between.
func SendFixed(o *Outbox, msg []byte, waitWritable func() error) error {
	o.pending = append(o.pending, msg...)
	for !o.Flush() {
		if err := waitWritable(); err != nil {
			return err
		}
	}
	return nil
}
