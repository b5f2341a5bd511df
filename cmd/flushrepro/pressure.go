package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/flushcheck/flushcheck/flushtest"
	"github.com/flushcheck/flushcheck/testdata/reproducers/csvexport"
	"github.com/flushcheck/flushcheck/testdata/reproducers/zipexport"
)

// payload is the size of the streams the socket reproducers send: far
// more than a stalled peer and the socket buffers can take.
const payload = 1 << 20

// writeTimeout is the write deadline of the stalled pressures. It only
// decides how long a blocked write takes to fail, never whether it does.
const writeTimeout = 20 * time.Millisecond

// stalled is the pressure of a slow client: it reads 64 KiB, then
// nothing until the code under test has returned; small buffers; a
// write deadline, as a server's WriteTimeout.
func stalled() flushtest.Config {
	return flushtest.Config{
		SendBuffer: 4 << 10, RecvBuffer: 4 << 10,
		Reader:       flushtest.StallAfter(64 << 10),
		WriteTimeout: writeTimeout,
	}
}

// rawStalled is the pressure of a full socket buffer for raw writes:
// the peer reads nothing until the writer waits for writability
// (flushtest.RawPair.WaitWritable). The deadline is a safety net.
func rawStalled() flushtest.Config {
	return flushtest.Config{
		SendBuffer:   16 << 10,
		Reader:       flushtest.StallAfter(0),
		WriteTimeout: 10 * time.Second,
	}
}

// pick returns bad or fixed.
func pick[T any](fixed bool, bad, good T) T {
	if fixed {
		return good
	}
	return bad
}

// lines returns n lines of width characters (without newline), and the
// bytes they make with a newline each.
func lines(n, width int) ([]string, int64) {
	out := make([]string, n)
	for i := range out {
		s := fmt.Sprintf("%08d ", i)
		out[i] = s + strings.Repeat("x", width-len(s))
	}
	return out, int64(n * (width + 1))
}

// body returns n bytes of text that compress like a real document.
func body(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%d,row %d,%x\n", i, i*7, i*i)
	}
	return b.Bytes()[:n]
}

// frames returns a stream of count length-prefixed frames of size bytes.
func frames(count, size int) []byte {
	var b bytes.Buffer
	for i := 0; i < count; i++ {
		b.Write([]byte{byte(size >> 24), byte(size >> 16), byte(size >> 8), byte(size)})
		b.Write(bytes.Repeat([]byte{byte('a' + i%26)}, size))
	}
	return b.Bytes()
}

func newReader(b []byte) *bufio.Reader { return bufio.NewReader(bytes.NewReader(b)) }

func get(path string) *http.Request {
	req, err := http.NewRequest("GET", "http://reproducer"+path, nil)
	if err != nil {
		panic(err) // a constant URL
	}
	return req
}

// serve runs h against the client of cfg and judges against promised,
// the body the handler means to send. A handler that returns having
// sent no header at all is judged the same: it reported success.
func serve(h http.Handler, cfg flushtest.Config, promised int64) (flushtest.Verdict, error) {
	r, err := flushtest.ServeSlow(h, get("/export"), cfg)
	if err != nil {
		return flushtest.Verdict{}, err
	}
	if r.Status != 0 && r.Status != http.StatusOK {
		return flushtest.Verdict{}, fmt.Errorf("status %d, want 200", r.Status)
	}
	return r.Verdict(promised), nil
}

// roundTrip is an http.RoundTripper made of a function.
type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// brokenUpstream is a client whose upstream sends the first n bytes of
// data, then its connection breaks.
func brokenUpstream(data []byte, n int64) *http.Client {
	return &http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
		return &http.Response{
			StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header:        http.Header{"Content-Type": {"text/csv"}},
			Body:          io.NopCloser(flushtest.BreakAfter(bytes.NewReader(data), n, nil)),
			ContentLength: int64(len(data)), Request: r,
		}, nil
	})}
}

// fixtures holds the inputs of the reproducers, made once per table:
// building and compressing a megabyte a hundred times would be most of
// the test's time.
type fixtures struct {
	text      func() []byte // payload bytes of text
	small     func() []byte // 256 KiB of it, for the in-memory gzip rows
	smallGzip func() int64  // the gzip size of small
	rows      func() ([]string, int64)
	zipFiles  func() ([]zipexport.File, int64, error) // and the archive's size
	csv       func() ([][]string, int64, error)       // and the CSV's size
	blobs     func() ([][]byte, int64)                // and their gzip sizes
}

func newFixtures() *fixtures {
	f := &fixtures{
		text: sync.OnceValue(func() []byte { return body(payload) }),
		rows: sync.OnceValues(func() ([]string, int64) { return lines(payload/64, 63) }),
	}
	f.small = sync.OnceValue(func() []byte { return f.text()[:256<<10] })
	f.smallGzip = sync.OnceValue(func() int64 { return gzipLen(f.small()) })
	f.zipFiles = onceValues3(func() ([]zipexport.File, int64, error) {
		files := []zipexport.File{{Name: "a.csv", Data: f.small()[:160<<10]}, {Name: "b.csv", Data: f.small()[160<<10:]}}
		ref := flushtest.NewSink()
		err := zipexport.ExportFixed(ref, fileSeq(files, nil))
		return files, ref.Len(), err
	})
	f.csv = onceValues3(func() ([][]string, int64, error) {
		var recs [][]string
		for i := range 20000 {
			recs = append(recs, []string{strings.Repeat("n", i%13), "row", "a, quoted \"value\""})
		}
		ref := flushtest.NewSink()
		err := csvexport.WriteFixed(ref, recs)
		return recs, ref.Len(), err
	})
	f.blobs = sync.OnceValues(func() ([][]byte, int64) {
		s := f.small()
		blobs := [][]byte{s[:128<<10], s[128<<10 : 192<<10], s[192<<10:]}
		var size int64
		for _, b := range blobs {
			size += gzipLen(b)
		}
		return blobs, size
	})
	return f
}

// onceValues3 is sync.OnceValues for three results.
func onceValues3[A, B, C any](fn func() (A, B, C)) func() (A, B, C) {
	type abc struct {
		a A
		b B
		c C
	}
	once := sync.OnceValue(func() abc {
		a, b, c := fn()
		return abc{a, b, c}
	})
	return func() (A, B, C) {
		v := once()
		return v.a, v.b, v.c
	}
}

// syncSink is a flushtest.Sink with the Sync of a file.
type syncSink struct{ *flushtest.Sink }

func (syncSink) Sync() error { return nil }
