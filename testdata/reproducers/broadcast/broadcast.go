// Package broadcast publishes a message to subscribers, each behind a
// buffered connection.
package broadcast

import (
	"bufio"
	"net"
)

// SubscriberBad is a subscriber whose publisher forgets its flushes.
type SubscriberBad struct {
	bw *bufio.Writer
}

// NewSubscriberBad returns a subscriber writing to conn.
func NewSubscriberBad(conn net.Conn) *SubscriberBad {
	return &SubscriberBad{bw: bufio.NewWriter(conn)}
}

// PublishBad flushes every subscriber in its own goroutine and forgets
// the result: a slow subscriber loses the message and the publisher
// reports it delivered.
func PublishBad(subs []*SubscriberBad, msg []byte) error {
	for _, s := range subs {
		s.bw.Write(msg) // sticky
		go s.bw.Flush() // want discard `Flush on s.bw is discarded in a goroutine`
	}
	return nil
}

// SubscriberFixed is a subscriber whose publisher collects its flushes.
type SubscriberFixed struct {
	bw *bufio.Writer
}

// NewSubscriberFixed returns a subscriber writing to conn.
func NewSubscriberFixed(conn net.Conn) *SubscriberFixed {
	return &SubscriberFixed{bw: bufio.NewWriter(conn)}
}

// PublishFixed flushes concurrently too, and returns the first error.
func PublishFixed(subs []*SubscriberFixed, msg []byte) error {
	errs := make(chan error, len(subs))
	for _, s := range subs {
		s.bw.Write(msg)
		go func() { errs <- s.bw.Flush() }()
	}
	var first error
	for range subs {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}
