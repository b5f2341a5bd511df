package flushtest_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/flushcheck/flushcheck/flushtest"
)

func TestSocketpair(t *testing.T) {
	p, err := flushtest.Socketpair(flushtest.Config{SendBuffer: 8 << 10, Reader: flushtest.StallAfter(0), WriteTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	msg := make([]byte, payload)
	n, err := syscall.Write(p.FD, msg)
	if err != nil || n <= 0 || n >= len(msg) {
		t.Fatalf("first raw write: %d, %v; want a short count", n, err)
	}
	sent := n
	for sent < len(msg) { // the right loop: on EAGAIN, wait for writability
		n, err := syscall.Write(p.FD, msg[sent:])
		if err == syscall.EAGAIN {
			if err := p.WaitWritable(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		sent += n
	}
	v, herr := p.Judge(payload, nil)
	if herr != nil || v.Outcome != flushtest.Complete {
		t.Errorf("%v, %v", v, herr)
	}
}

func TestSocketpairEAGAIN(t *testing.T) {
	p, err := flushtest.Socketpair(flushtest.Config{SendBuffer: 8 << 10, Reader: flushtest.StallAfter(0)})
	if err != nil {
		t.Fatal(err)
	}
	msg := make([]byte, payload)
	//lint:ignore flushcheck fills the socket buffer: the count does not matter
	_, _ = syscall.Write(p.FD, msg)
	//lint:ignore flushcheck only the EAGAIN matters here
	if _, err := syscall.Write(p.FD, msg); err != syscall.EAGAIN {
		t.Errorf("write to a full socket: %v, want EAGAIN", err)
	}
	v, _ := p.Judge(payload, nil)
	if v.Outcome != flushtest.Truncated {
		t.Errorf("%v", v)
	}
}
