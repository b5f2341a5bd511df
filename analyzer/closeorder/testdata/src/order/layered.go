package order

import (
	"bufio"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"os"
	"text/tabwriter"
)

// --- layered writers: a wrapper over a buffered writer made here ---

func packBuffered(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	zw := gzip.NewWriter(bw)
	if _, err := zw.Write(p); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil { // want `bw.Flush\(\) runs before zw.Close\(\); the gzip footer is written into bufio.Writer "bw" after its last flush`
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func packBufferedOK(path string, p []byte) error { // ok: the gzip writer is closed into the buffer, then the buffer is flushed
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	zw := gzip.NewWriter(bw)
	if _, err := zw.Write(p); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func streamChunks(conn net.Conn, chunks [][]byte) error { // ok: flushed in chunks, and once more after the Close
	bw := bufio.NewWriter(conn)
	zw := gzip.NewWriter(bw)
	for _, c := range chunks {
		zw.Write(c)
		zw.Flush()
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

func table(conn net.Conn, rows [][2]string) error {
	bw := bufio.NewWriter(conn)
	tw := tabwriter.NewWriter(bw, 0, 8, 1, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\n", r[0], r[1])
	}
	if err := bw.Flush(); err != nil { // want `bw.Flush\(\) runs before tw.Flush\(\); the buffered table of tabwriter.Writer "tw" is written into bufio.Writer "bw" after its last flush`
		return err
	}
	return tw.Flush()
}

func tableCallerFlushes(bw *bufio.Writer, rows [][2]string) error { // ok: bw is the caller's, which may flush it again
	tw := tabwriter.NewWriter(bw, 0, 8, 1, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\n", r[0], r[1])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return tw.Flush()
}

func headerThenBody(conn net.Conn, p []byte) error { // ok: the encoder is made after the flush of the header
	bw := bufio.NewWriter(conn)
	bw.WriteString("len\n")
	if err := bw.Flush(); err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	enc.Write(p)
	if err := enc.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

func bufferEscapes(conn net.Conn, p []byte, finish func(*bufio.Writer) error) error { // ok: the buffer goes to a function that may flush it
	bw := bufio.NewWriter(conn)
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	enc.Write(p)
	bw.Flush()
	enc.Close()
	return finish(bw)
}

// --- the deferred forms ---

func deferredFlushFirst(conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	defer closeQuietly(enc)
	defer func() { // want `bw.Flush\(\) in a deferred function runs before defer closeQuietly\(enc\); the final base64 block is written into bufio.Writer "bw" after its last flush`
		if err := bw.Flush(); err != nil {
			println("flush:", err.Error())
		}
	}()
	_, err := enc.Write(p)
	return err
}

func deferredFlushLast(conn net.Conn, p []byte) (err error) { // ok: the flush is deferred first, so it runs after the encoder's Close
	bw := bufio.NewWriter(conn)
	defer func() {
		if ferr := bw.Flush(); ferr != nil && err == nil {
			err = ferr
		}
	}()
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	defer closeQuietly(enc)
	_, err = enc.Write(p)
	return err
}

func explicitFlushDeferredClose(w io.Writer, p []byte) error {
	bw := bufio.NewWriter(w)
	zw := gzip.NewWriter(bw)
	defer zw.Close()
	zw.Write(p)
	return bw.Flush() // want `bw.Flush\(\) runs before the deferred zw.Close\(\); the gzip footer is written into bufio.Writer "bw" after its last flush`
}

func explicitFlushDeferredCloseOK(w io.Writer, p []byte) error { // ok: closed before the flush; the deferred Close has nothing left
	bw := bufio.NewWriter(w)
	zw := gzip.NewWriter(bw)
	defer zw.Close()
	zw.Write(p)
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}
