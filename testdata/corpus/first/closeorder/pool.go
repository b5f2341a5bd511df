package closeorder

import (
	"bufio"
	"compress/gzip"
	"io"
	"log"
	"net"
	"net/http"
	"sync"

	"heldout/third/zstd"
)

var gzPool = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

var bwPool = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

var zstdPool = sync.Pool{New: func() any {
	enc, _ := zstd.NewWriter(io.Discard)
	return enc
}}

// compressTo registers the pool return after the Close: defers run last
// in, first out, so the writer is back in the pool (and maybe reset by
// another goroutine) before its footer is written.
func compressTo(w io.Writer, data []byte) (err error) {
	gz := gzPool.Get().(*gzip.Writer)
	gz.Reset(w)
	defer func() {
		if cerr := gz.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	defer gzPool.Put(gz) // LABEL: bad closeorder
	_, err = gz.Write(data)
	return err
}

// pooledGzipWriter is a middleware response writer built from a pooled gzip.Writer.
type pooledGzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (p *pooledGzipWriter) Write(b []byte) (int, error) { return p.gz.Write(b) }

// Close hands the writer back before closing it.
func (p *pooledGzipWriter) Close() error {
	gzPool.Put(p.gz) // LABEL: bad closeorder
	return p.gz.Close()
}

// pooledGzip is a middleware whose deferred Put runs before the deferred Close.
func pooledGzip(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gz := gzPool.Get().(*gzip.Writer)
		gz.Reset(w)
		w.Header().Set("Content-Encoding", "gzip")
		defer func() {
			if err := gz.Close(); err != nil {
				log.Printf("gzip close: %v", err)
			}
		}()
		defer gzPool.Put(gz) // LABEL: bad closeorder
		next.ServeHTTP(&pooledGzipWriter{ResponseWriter: w, gz: gz}, r)
	})
}

// replyPooled returns the bufio.Writer to the pool before the deferred flush.
func replyPooled(conn net.Conn, msg string) (err error) {
	bw := bwPool.Get().(*bufio.Writer)
	bw.Reset(conn)
	defer func() {
		if ferr := bw.Flush(); ferr != nil && err == nil {
			err = ferr
		}
	}()
	defer bwPool.Put(bw) // LABEL: bad closeorder
	_, err = bw.WriteString(msg)
	return err
}

// pooledConn keeps a pooled bufio.Writer; Release hands it back before flushing.
type pooledConn struct {
	conn net.Conn
	bw   *bufio.Writer
}

func (c *pooledConn) Release() error {
	bwPool.Put(c.bw) // LABEL: bad closeorder
	err := c.bw.Flush()
	c.bw = nil
	return err
}

// reconnecting keeps one bufio.Writer across reconnects.
type reconnecting struct {
	conn net.Conn
	bw   *bufio.Writer
}

func (r *reconnecting) Send(p []byte) error {
	_, err := r.bw.Write(p)
	return err
}

// Reconnect points the writer at the new connection: Reset discards what
// was buffered for the old one.
func (r *reconnecting) Reconnect(addr string) error {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	old := r.conn
	r.conn = nc
	r.bw.Reset(nc) // LABEL: bad closeorder
	if err := r.bw.Flush(); err != nil {
		return err
	}
	return old.Close()
}

// rotatingGzip reuses one gzip.Writer across files; Reset drops the old
// stream's footer.
type rotatingGzip struct {
	gz *gzip.Writer
	w  io.Writer
}

func (r *rotatingGzip) Write(p []byte) (int, error) { return r.gz.Write(p) }

func (r *rotatingGzip) Rotate(next io.Writer) error {
	r.gz.Reset(next) // LABEL: bad closeorder
	r.w = next
	return r.gz.Flush()
}

// zstdPooled returns the encoder to the pool before closing it.
func zstdPooled(w io.Writer, data []byte) error {
	enc := zstdPool.Get().(*zstd.Encoder)
	enc.Reset(w)
	if _, err := enc.Write(data); err != nil {
		zstdPool.Put(enc) // LABEL: ok closeorder
		return err
	}
	zstdPool.Put(enc) // LABEL: bad closeorder
	if err := enc.Close(); err != nil {
		log.Printf("zstd close: %v", err)
	}
	return nil
}

// ---- near-misses ----

// compressToOK registers Put first, so it runs after the Close.
func compressToOK(w io.Writer, data []byte) (err error) {
	gz := gzPool.Get().(*gzip.Writer)
	gz.Reset(w)          // LABEL: ok closeorder
	defer gzPool.Put(gz) // LABEL: ok closeorder
	defer func() {
		if cerr := gz.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = gz.Write(data)
	return err
}

// closeThenPut closes and then returns the writer.
func closeThenPut(w io.Writer, data []byte) error {
	gz := gzPool.Get().(*gzip.Writer)
	gz.Reset(w)
	if _, err := gz.Write(data); err != nil {
		gzPool.Put(gz) // LABEL: ok closeorder
		return err
	}
	err := gz.Close()
	gzPool.Put(gz) // LABEL: ok closeorder
	return err
}

// replyPooledOK flushes before handing the writer back.
func replyPooledOK(conn net.Conn, msg string) error {
	bw := bwPool.Get().(*bufio.Writer)
	bw.Reset(conn)
	if _, err := bw.WriteString(msg); err != nil {
		return err
	}
	err := bw.Flush()
	bw.Reset(nil) // LABEL: ok closeorder
	bwPool.Put(bw)
	return err
}

// reconnectOK flushes to the old connection before resetting.
func (r *reconnecting) ReconnectOK(addr string) error {
	if err := r.bw.Flush(); err != nil {
		return err
	}
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	old := r.conn
	r.conn = nc
	r.bw.Reset(nc) // LABEL: ok closeorder
	return old.Close()
}

// RotateOK finishes the old stream, then resets.
func (r *rotatingGzip) RotateOK(next io.Writer) error {
	if err := r.gz.Close(); err != nil {
		return err
	}
	r.gz.Reset(next) // LABEL: ok closeorder
	r.w = next
	return nil
}

// emptyPut returns a pooled writer that was never written to.
func emptyPut(w io.Writer, data []byte) error {
	gz := gzPool.Get().(*gzip.Writer)
	if len(data) == 0 {
		gzPool.Put(gz) // LABEL: ok closeorder
		return nil
	}
	gz.Reset(w)
	if _, err := gz.Write(data); err != nil {
		return err
	}
	err := gz.Close()
	gzPool.Put(gz)
	return err
}
