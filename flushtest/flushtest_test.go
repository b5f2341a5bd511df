package flushtest_test

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/flushcheck/flushcheck/flushtest"
)

const payload = 1 << 20

// pressure is a peer that reads 64 KiB and stalls, small buffers and a
// short write deadline: a write of 1 MiB cannot complete.
var pressure = flushtest.Config{
	SendBuffer: 4 << 10, RecvBuffer: 4 << 10,
	Reader:       flushtest.StallAfter(64 << 10),
	WriteTimeout: 20 * time.Millisecond,
}

// send writes n bytes through a bufio.Writer and flushes; discard
// throws the Flush error away, as the bug does.
func send(c net.Conn, n int, discard bool) error {
	bw := bufio.NewWriter(c)
	_, _ = bw.Write(bytes.Repeat([]byte("x"), n)) // sticky: Flush returns the same error
	err := bw.Flush()                             //lint:ignore flushcheck discarding it is the bug under test
	if discard {
		return nil
	}
	return err
}

func pairs(t *testing.T, cfg flushtest.Config) map[string]*flushtest.Pair {
	t.Helper()
	tcp, err := flushtest.TCP(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*flushtest.Pair{"tcp": tcp, "pipe": flushtest.Pipe(cfg)}
}

func judge(t *testing.T, p *flushtest.Pair, promised int64, err error) flushtest.Verdict {
	t.Helper()
	v, herr := p.Judge(promised, err)
	if herr != nil {
		t.Fatal(herr)
	}
	return v
}

func TestStalledPeerTruncatesDiscardedFlush(t *testing.T) {
	for _, discard := range []bool{true, false} {
		for name, p := range pairs(t, pressure) {
			v := judge(t, p, payload, send(p.Conn, payload, discard))
			want := flushtest.Reported
			if discard {
				want = flushtest.Truncated
			}
			if v.Outcome != want {
				t.Errorf("%s, discard=%v: %v, want %v\n%s", name, discard, v, want, p.Ledger)
			}
			if v.Delivered >= payload {
				t.Errorf("%s: delivered %d of %d through a stalled peer", name, v.Delivered, payload)
			}
			if !errors.Is(firstWriteError(p.Ledger), os.ErrDeadlineExceeded) {
				t.Errorf("%s: no write failed with the deadline:\n%s", name, p.Ledger)
			}
		}
	}
}

func firstWriteError(l *flushtest.Ledger) error {
	for _, e := range l.Events() {
		if e.Kind == flushtest.Write && e.Err != nil {
			return e.Err
		}
	}
	return nil
}

func TestReleasedPeerGetsEverything(t *testing.T) {
	cfg := pressure
	cfg.WriteTimeout = 0
	for name, p := range pairs(t, cfg) {
		done := make(chan error, 1)
		go func() { done <- send(p.Conn, payload, false) }()
		if !p.Peer.WaitRead(64<<10, time.Minute) {
			t.Fatalf("%s: the peer did not read its first 64 KiB", name)
		}
		p.Peer.Release()
		v := judge(t, p, payload, <-done)
		if v.Outcome != flushtest.Complete {
			t.Errorf("%s: %v", name, v)
		}
	}
}

func TestStallIsAGate(t *testing.T) {
	cfg := flushtest.Config{Reader: flushtest.StallAfter(1000), WriteTimeout: time.Minute}
	p := flushtest.Pipe(cfg)
	go func() { _, _ = p.Conn.Write(make([]byte, 5000)) }()
	p.Peer.WaitRead(1000, time.Minute)
	p.Peer.Allow(500)
	p.Peer.WaitRead(1500, time.Minute)
	if got := p.Peer.N(); got != 1500 {
		t.Errorf("the peer read %d bytes, want exactly 1500", got)
	}
	if _, err := p.Finish(); err != nil {
		t.Error(err)
	}
}

func TestBufferedAtClose(t *testing.T) {
	p := flushtest.Pipe(flushtest.Config{})
	bw := bufio.NewWriter(p.Conn)
	p.Conn.Watch(bw)
	_, _ = bw.WriteString("hello, world") // sticky
	//lint:ignore flushcheck/closeorder closing before the Flush, with the bytes still in bw, is the point
	_ = p.Conn.Close()
	v := judge(t, p, 12, bw.Flush())
	if v.Buffered != 12 || v.Outcome != flushtest.Reported {
		t.Errorf("got %v, want failure reported with 12 bytes buffered at close", v)
	}
	v = flushtest.Judge(12, 0, nil)
	v.Buffered = 12
	if want := "silent truncation: promised 12 bytes, delivered 0, reported success; closed while 12 bytes were still buffered"; v.String() != want {
		t.Errorf("String() = %q\nwant %q", v, want)
	}
}

func TestCloseWrite(t *testing.T) {
	for name, p := range pairs(t, flushtest.Config{}) {
		if _, err := p.Conn.Write([]byte("abc")); err != nil {
			t.Fatal(err)
		}
		if err := p.Conn.CloseWrite(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n, err := p.Peer.Wait(time.Minute); n != 3 || err != nil {
			t.Errorf("%s: peer got %d bytes, %v; want 3, clean EOF", name, n, err)
		}
		seen := map[flushtest.Kind]int{}
		for _, e := range p.Ledger.Events() {
			seen[e.Kind]++
		}
		if seen[flushtest.Write] != 1 || seen[flushtest.CloseWrite] != 1 || p.Ledger.Delivered() != 3 {
			t.Errorf("%s: ledger\n%s", name, p.Ledger)
		}
		if _, err := p.Finish(); err != nil {
			t.Error(err)
		}
	}
}

func TestSinkFaults(t *testing.T) {
	s := flushtest.NewSink(flushtest.FailAfter(10, nil))
	n, err := s.Write(make([]byte, 8))
	if n != 8 || err != nil {
		t.Fatalf("first write: %d, %v", n, err)
	}
	n, err = s.Write(make([]byte, 8))
	if n != 2 || !errors.Is(err, flushtest.ErrNoSpace) {
		t.Errorf("crossing write: %d, %v; want 2, ErrNoSpace", n, err)
	}
	if v := s.Judge(16, nil); v.Outcome != flushtest.Truncated || v.Delivered != 10 {
		t.Errorf("%v", v)
	}

	s = flushtest.NewSink(flushtest.ShortWrites(3, nil))
	if _, err := bufio.NewWriter(s).WriteString("abcdefgh" + string(make([]byte, 5000))); !errors.Is(err, io.ErrShortWrite) {
		t.Errorf("bufio over a short writer: %v, want io.ErrShortWrite", err)
	}

	s = flushtest.NewSink(flushtest.FailClose(errors.New("commit failed")))
	if _, err := s.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	s.Fail(nil)
	if _, err := s.Write([]byte("y")); !errors.Is(err, flushtest.ErrNoSpace) {
		t.Errorf("write after Fail: %v", err)
	}
	if err := s.Close(); err == nil {
		t.Error("FailClose: Close returned nil")
	}
	if _, err := s.Write([]byte("z")); !errors.Is(err, os.ErrClosed) {
		t.Errorf("write after Close: %v, want os.ErrClosed", err)
	}
}

func TestBreakAfter(t *testing.T) {
	b, err := io.ReadAll(flushtest.BreakAfter(bytes.NewReader(make([]byte, 100)), 40, nil))
	if len(b) != 40 || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("got %d bytes, %v", len(b), err)
	}
}

// bigBody answers with a Content-Length of payload and writes it all,
// ignoring write errors as handlers may; abort makes it check the last
// flush and abort the response when it failed.
func bigBody(abort bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(payload))
		_, _ = w.Write(make([]byte, payload)) // the client going away is not news
		if err := http.NewResponseController(w).Flush(); err != nil && abort {
			panic(http.ErrAbortHandler)
		}
	}
}

func TestServeSlow(t *testing.T) {
	for _, abort := range []bool{false, true} {
		req, _ := http.NewRequest("GET", "http://flushtest/export", nil)
		r, err := flushtest.ServeSlow(bigBody(abort), req, pressure)
		if err != nil {
			t.Fatal(err)
		}
		v := r.Verdict(-1)
		want := flushtest.Truncated
		if abort {
			want = flushtest.Reported
		}
		if r.Status != 200 || r.ContentLength != payload || v.Outcome != want {
			t.Errorf("abort=%v: status %d, Content-Length %d, %v; want 200, %d, %v", abort, r.Status, r.ContentLength, v, payload, want)
		}
	}
}

func TestServeSlowComplete(t *testing.T) {
	req, _ := http.NewRequest("GET", "http://flushtest/", nil)
	cfg := flushtest.Config{Reader: flushtest.Paced(256<<10, time.Millisecond)}
	r, err := flushtest.ServeSlow(bigBody(true), req, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if v := r.Verdict(-1); v.Outcome != flushtest.Complete || r.ClientErr != nil {
		t.Errorf("%v, client error %v", v, r.ClientErr)
	}
}
