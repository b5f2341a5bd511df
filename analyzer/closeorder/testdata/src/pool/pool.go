package pool

import (
	"bufio"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"sync"
)

var gzPool = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

var bwPool sync.Pool

// --- hand-back before finish ---

func putBeforeClose(w io.Writer, p []byte) error {
	zw := gzPool.Get().(*gzip.Writer)
	zw.Reset(w)
	zw.Write(p)
	gzPool.Put(zw) // want `gzPool.Put\(zw\) runs before zw.Close\(\); the gzip footer is written by a writer already back in the pool`
	return zw.Close()
}

func closeThenPut(w io.Writer, p []byte) error { // ok: closed, then handed back
	zw := gzPool.Get().(*gzip.Writer)
	zw.Reset(w)
	if _, err := zw.Write(p); err != nil {
		gzPool.Put(zw) // ok: on a path that returns the error
		return err
	}
	err := zw.Close()
	gzPool.Put(zw)
	return err
}

func putNeverClosed(w io.Writer, p []byte) {
	zw := gzPool.Get().(*gzip.Writer)
	zw.Reset(w)
	zw.Write(p)
	gzPool.Put(zw) // want `gzPool.Put\(zw\) hands zw back to the pool without zw.Close\(\); the gzip footer is never written`
}

func putWhileDeferredClose(w io.Writer, p []byte) error {
	zw := gzPool.Get().(*gzip.Writer)
	zw.Reset(w)
	defer zw.Close()
	_, err := zw.Write(p)
	gzPool.Put(zw) // want `gzPool.Put\(zw\) runs before the deferred zw.Close\(\); the gzip footer is written by a writer already back in the pool`
	return err
}

func deferPutWrongOrder(w http.ResponseWriter, p []byte) {
	zw := gzPool.Get().(*gzip.Writer)
	zw.Reset(w)
	defer zw.Close()
	defer gzPool.Put(zw) // want `defer gzPool.Put\(zw\) runs before defer zw.Close\(\); the gzip footer is written by a writer already back in the pool`
	zw.Write(p)
}

func deferPutRightOrder(w http.ResponseWriter, p []byte) { // ok: Put deferred first, so it runs last
	zw := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(zw)
	zw.Reset(w)
	defer zw.Close()
	zw.Write(p)
}

func deferPutNeverClosed(w http.ResponseWriter, p []byte) {
	zw := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(zw) // want `defer gzPool.Put\(zw\) hands zw back to the pool without zw.Close\(\) on a path that returns; the gzip footer is never written`
	zw.Reset(w)
	zw.Write(p)
}

func deferPutClosedExplicitly(w io.Writer, p []byte) error { // ok: closed before every return that reports success
	zw := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(zw)
	zw.Reset(w)
	if _, err := zw.Write(p); err != nil {
		return err
	}
	return zw.Close()
}

func deferPutInClosure(w http.ResponseWriter, p []byte) { // ok: closed, then put, in one deferred function
	zw := gzPool.Get().(*gzip.Writer)
	zw.Reset(w)
	defer func() {
		zw.Close()
		gzPool.Put(zw)
	}()
	zw.Write(p)
}

func deferPutInClosureWrong(w http.ResponseWriter, p []byte) {
	zw := gzPool.Get().(*gzip.Writer)
	zw.Reset(w)
	defer func() {
		gzPool.Put(zw) // want `gzPool.Put\(zw\) runs before zw.Close\(\); the gzip footer is written by a writer already back in the pool`
		zw.Close()
	}()
	zw.Write(p)
}

func prewarm() { // ok: nothing written
	zw := gzip.NewWriter(nil)
	gzPool.Put(zw)
}

// --- Reset to another destination before the flush ---

func resetBeforeFlush(a, b net.Conn, p []byte) error {
	bw := bwPool.Get().(*bufio.Writer)
	bw.Reset(a)
	bw.Write(p)
	bw.Reset(b) // want `bw.Reset\(b\) runs before bw.Flush\(\); buffered bytes of bufio.Writer "bw" are discarded`
	bw.Write(p)
	return bw.Flush()
}

func resetAfterFlush(a, b net.Conn, p []byte) error { // ok: flushed, then aimed elsewhere
	bw := bwPool.Get().(*bufio.Writer)
	bw.Reset(a)
	bw.Write(p)
	if err := bw.Flush(); err != nil {
		return err
	}
	bw.Reset(b)
	bw.Write(p)
	err := bw.Flush()
	bw.Reset(nil)
	bwPool.Put(bw)
	return err
}

func resetOnError(a net.Conn, p []byte) error { // ok: Reset(nil) discards on a path that returns the error
	bw := bwPool.Get().(*bufio.Writer)
	bw.Reset(a)
	if _, err := bw.Write(p); err != nil {
		bw.Reset(nil)
		bwPool.Put(bw)
		return err
	}
	return bw.Flush()
}

func resetAfterClose(a, b io.Writer, p []byte) error { // ok: Reset after Close starts a new stream
	zw := gzip.NewWriter(a)
	zw.Write(p)
	if err := zw.Close(); err != nil {
		return err
	}
	zw.Reset(b)
	zw.Write(p)
	return zw.Close()
}

func inLoop(ws []io.Writer, p []byte) error { // ok: each stream is closed before the next Reset
	zw := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(zw)
	for _, w := range ws {
		zw.Reset(w)
		zw.Write(p)
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return nil
}

func inLoopBad(ws []io.Writer, p []byte) error {
	zw := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(zw)
	for _, w := range ws {
		zw.Reset(w) // want `zw.Reset\(w\) runs before zw.Close\(\); the gzip footer is discarded`
		zw.Write(p)
	}
	return zw.Close()
}

// --- handlers, generics, select ---

func gzipHandler(next func(io.Writer)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		zw := gzPool.Get().(*gzip.Writer)
		zw.Reset(w)
		defer zw.Close()
		defer gzPool.Put(zw) // want `defer gzPool.Put\(zw\) runs before defer zw.Close\(\)`
		next(zw)
	}
}

func gzipHandlerOK(next func(io.Writer)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // ok: Put deferred first, runs last
		zw := gzPool.Get().(*gzip.Writer)
		defer gzPool.Put(zw)
		zw.Reset(w)
		defer zw.Close()
		next(zw)
	}
}

type resetter interface {
	*gzip.Writer | *bufio.Writer
	Reset(io.Writer)
	Write([]byte) (int, error)
	Flush() error
}

func genericPut[W resetter](p *sync.Pool, dst io.Writer, data []byte) error { // ok: flushed before it goes back
	w := p.Get().(W)
	w.Reset(dst)
	w.Write(data)
	err := w.Flush()
	p.Put(w)
	return err
}

func selectPut(dst io.Writer, data <-chan []byte, done <-chan struct{}) error {
	bw := bwPool.Get().(*bufio.Writer)
	bw.Reset(dst)
	for {
		select {
		case p := <-data:
			bw.Write(p)
		case <-done:
			bwPool.Put(bw) // want `bwPool.Put\(bw\) runs before bw.Flush\(\); buffered bytes of bufio.Writer "bw" are written by a writer already back in the pool`
			return bw.Flush()
		}
	}
}

func selectPutOK(dst io.Writer, data <-chan []byte, done <-chan struct{}) error { // ok: flushed, then handed back
	bw := bwPool.Get().(*bufio.Writer)
	bw.Reset(dst)
	for {
		select {
		case p := <-data:
			bw.Write(p)
		case <-done:
			err := bw.Flush()
			bwPool.Put(bw)
			return err
		}
	}
}

// --- a Reset deferred after the Close runs before it ---

func deferResetWrongOrder(w http.ResponseWriter, p []byte) {
	zw := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(zw)
	zw.Reset(w)
	defer zw.Close()
	defer zw.Reset(io.Discard) // want `defer zw.Reset\(io.Discard\) runs before defer zw.Close\(\); the gzip footer is discarded`
	zw.Write(p)
}

func deferResetRightOrder(w http.ResponseWriter, p []byte) { // ok: the Reset is deferred first, so it runs after the Close
	zw := gzPool.Get().(*gzip.Writer)
	defer gzPool.Put(zw)
	defer zw.Reset(io.Discard)
	zw.Reset(w)
	defer zw.Close()
	zw.Write(p)
}

func putAfterFlushOnly(w io.Writer, p []byte) error {
	zw := gzPool.Get().(*gzip.Writer)
	zw.Reset(w)
	zw.Write(p)
	err := zw.Flush()
	gzPool.Put(zw) // want `gzPool.Put\(zw\) hands zw back to the pool without zw.Close\(\); the gzip footer is never written`
	return err
}

func putBufioAfterFlush(w io.Writer, p []byte) error { // ok: a bufio.Writer is finished by Flush
	bw := bwPool.Get().(*bufio.Writer)
	bw.Reset(w)
	bw.Write(p)
	err := bw.Flush()
	bwPool.Put(bw)
	return err
}

// --- writers kept in fields: handed back, or Reset, too early ---

type gzResponse struct {
	zw *gzip.Writer
}

func (g *gzResponse) Write(p []byte) (int, error) { return g.zw.Write(p) }

func (g *gzResponse) Close() error {
	gzPool.Put(g.zw) // want `gzPool.Put\(g.zw\) runs before g.zw.Close\(\); the gzip footer is written by a writer already back in the pool`
	return g.zw.Close()
}

func (g *gzResponse) Release() error { // ok: closed, then handed back
	err := g.zw.Close()
	gzPool.Put(g.zw)
	g.zw = nil
	return err
}

// sender leaves bytes in bw between calls: Send writes and returns.
type sender struct {
	nc net.Conn
	bw *bufio.Writer
}

func (s *sender) Send(p []byte) error {
	_, err := s.bw.Write(p)
	return err
}

func (s *sender) Redial(dial func() (net.Conn, error)) error {
	nc, err := dial()
	if err != nil {
		return err
	}
	old := s.nc
	s.nc = nc
	s.bw.Reset(nc) // want `s.bw.Reset\(nc\) runs before s.bw.Flush\(\); buffered bytes of bufio.Writer "s.bw" are discarded`
	return old.Close()
}

func (s *sender) RedialOK(dial func() (net.Conn, error)) error { // ok: flushed to the old connection first
	if err := s.bw.Flush(); err != nil {
		return err
	}
	nc, err := dial()
	if err != nil {
		return err
	}
	s.nc.Close()
	s.nc = nc
	s.bw.Reset(nc)
	return nil
}

func (s *sender) Reset(nc net.Conn) { // ok: a Reset method's contract is to discard what is buffered
	s.nc = nc
	s.bw.Reset(nc)
}

func (s *sender) rearm() { // ok: aimed again at the connection in its own field, perhaps where it writes already
	nc := s.nc
	s.bw.Reset(nc)
}

// rotator's writes are closed within each call: nothing is carried.
type rotator struct {
	zw *gzip.Writer
}

func (r *rotator) WriteFile(w io.Writer, p []byte) error { // ok: every function writing zw closes it
	r.zw.Reset(w)
	defer r.zw.Close()
	_, err := r.zw.Write(p)
	return err
}

// streamer leaves the gzip stream open between calls.
type streamer struct {
	zw *gzip.Writer
}

func (s *streamer) Write(p []byte) (int, error) { return s.zw.Write(p) }

func (s *streamer) Rotate(next io.Writer) error {
	s.zw.Reset(next) // want `s.zw.Reset\(next\) runs before s.zw.Close\(\); the gzip footer is discarded`
	return nil
}

func (s *streamer) RotateOK(next io.Writer) error { // ok: the old stream is closed first
	if err := s.zw.Close(); err != nil {
		return err
	}
	s.zw.Reset(next)
	return nil
}
