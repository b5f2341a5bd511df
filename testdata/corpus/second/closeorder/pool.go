package closeorder

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"

	"heldout2/third/snappy"
	"heldout2/third/zstd"
)

var gzipPool = sync.Pool{
	New: func() any { return gzip.NewWriter(io.Discard) },
}

// writeGzipPooled returns the writer to the pool before the deferred Close
// runs: defers run last-in first-out, and another goroutine may Reset the
// writer before its footer is written.
func writeGzipPooled(w io.Writer, p []byte) error {
	gz := gzipPool.Get().(*gzip.Writer)
	gz.Reset(w) // LABEL: ok closeorder
	defer gz.Close()
	defer gzipPool.Put(gz) // LABEL: bad closeorder
	_, err := gz.Write(p)
	return err
}

// writeGzipPooledOrdered registers the Put first, so it runs after Close.
func writeGzipPooledOrdered(w io.Writer, p []byte) error {
	gz := gzipPool.Get().(*gzip.Writer)
	defer gzipPool.Put(gz) // LABEL: ok closeorder
	gz.Reset(w)
	if _, err := gz.Write(p); err != nil {
		return err
	}
	return gz.Close()
}

// compressEach reuses one zlib writer across destinations and resets it
// before the previous stream was closed.
func compressEach(dsts []io.Writer, parts [][]byte) error {
	zw := zlib.NewWriter(io.Discard)
	for i, d := range dsts {
		zw.Reset(d) // LABEL: bad closeorder
		if _, err := zw.Write(parts[i]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// compressEachClosed closes every stream before the next Reset.
func compressEachClosed(dsts []io.Writer, parts [][]byte) error {
	zw := zlib.NewWriter(io.Discard)
	for i, d := range dsts {
		zw.Reset(d) // LABEL: ok closeorder
		if _, err := zw.Write(parts[i]); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return nil
}

var flatePool sync.Pool

// deflateTo puts the writer back before closing it on the success path.
// Putting it back after a failed write is fine: the failure is reported
// and the next user resets it.
func deflateTo(dst io.Writer, p []byte) error {
	fw, _ := flatePool.Get().(*flate.Writer)
	if fw == nil {
		var err error
		fw, err = flate.NewWriter(dst, flate.BestSpeed)
		if err != nil {
			return err
		}
	} else {
		fw.Reset(dst) // LABEL: ok closeorder
	}
	if _, err := fw.Write(p); err != nil {
		flatePool.Put(fw) // LABEL: ok closeorder
		return err
	}
	flatePool.Put(fw) // LABEL: bad closeorder
	return fw.Close()
}

// deflateToClosed closes, then pools, then reports.
func deflateToClosed(dst io.Writer, p []byte) error {
	fw, _ := flatePool.Get().(*flate.Writer)
	if fw == nil {
		var err error
		fw, err = flate.NewWriter(dst, flate.BestSpeed)
		if err != nil {
			return err
		}
	} else {
		fw.Reset(dst)
	}
	if _, err := fw.Write(p); err != nil {
		return err
	}
	err := fw.Close()
	flatePool.Put(fw) // LABEL: ok closeorder
	return err
}

var bufPool = sync.Pool{
	New: func() any { return bufio.NewWriterSize(nil, 16<<10) },
}

// writeResponse flushes from a deferred closure, but the Put registered
// after it runs first.
func writeResponse(conn net.Conn, lines []string) (err error) {
	bw := bufPool.Get().(*bufio.Writer)
	bw.Reset(conn) // LABEL: ok closeorder
	defer func() {
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
	}()
	defer bufPool.Put(bw) // LABEL: bad closeorder
	for _, l := range lines {
		fmt.Fprintf(bw, "%s\r\n", l)
	}
	return nil
}

// writeFrame flushes, drops the connection reference, and pools the
// writer; the flush result is returned.
func writeFrame(conn net.Conn, frame []byte) error {
	bw := bufPool.Get().(*bufio.Writer)
	bw.Reset(conn)
	bw.Write(frame)
	err := bw.Flush()
	bw.Reset(nil)   // LABEL: ok closeorder
	bufPool.Put(bw) // LABEL: ok closeorder
	return err
}

type gzipResponseWriter struct {
	http.ResponseWriter
	w io.Writer
}

func (g gzipResponseWriter) Write(p []byte) (int, error) { return g.w.Write(p) }

// gzipHandler pools the writer in its deferred cleanup before closing it.
func gzipHandler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gz := gzipPool.Get().(*gzip.Writer)
		gz.Reset(w) // LABEL: ok closeorder
		defer func() {
			gzipPool.Put(gz) // LABEL: bad closeorder
			if err := gz.Close(); err != nil {
				panic(http.ErrAbortHandler)
			}
		}()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Del("Content-Length")
		next.ServeHTTP(gzipResponseWriter{ResponseWriter: w, w: gz}, r)
	})
}

// switchover retargets the framing writer at the standby while the hello
// for the primary is still buffered; Reset discards it.
func switchover(primary, standby net.Conn, hello []byte) error {
	sw := snappy.NewBufferedWriter(primary)
	if _, err := sw.Write(hello); err != nil {
		return err
	}
	sw.Reset(standby) // LABEL: bad closeorder
	if _, err := sw.Write(hello); err != nil {
		return err
	}
	return sw.Close()
}

var encPool = sync.Pool{
	New: func() any {
		enc, _ := zstd.NewWriter(nil)
		return enc
	},
}

type compressJob struct {
	dst  io.Writer
	data []byte
}

// startCompressors runs n workers over the job queue.
func startCompressors(n int, jobs <-chan compressJob, errs chan<- error) {
	for range n {
		go func() {
			for j := range jobs {
				errs <- compressOne(j)
			}
		}()
	}
}

// compressOne pools the encoder before its deferred Close runs.
func compressOne(j compressJob) error {
	enc := encPool.Get().(*zstd.Encoder)
	enc.Reset(j.dst)
	defer enc.Close()
	defer encPool.Put(enc) // LABEL: bad closeorder
	_, err := enc.Write(j.data)
	return err
}
