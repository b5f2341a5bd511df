package order

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"net"
	"os"
)

// --- explicit order: the destination closed before the writer over it ---

func closeThenFlush(conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	conn.Close() // want `conn.Close\(\) runs before bw.Flush\(\); buffered bytes of bufio.Writer "bw" are written to a closed connection`
	return bw.Flush()
}

func flushThenClose(conn net.Conn, p []byte) error { // ok: flushed, then closed
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	if err := bw.Flush(); err != nil {
		return err
	}
	return conn.Close()
}

func fileThenGzip(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	zw.Write(p)
	f.Close() // want `f.Close\(\) runs before zw.Close\(\); the gzip footer is written to a closed file`
	return zw.Close()
}

func gzipThenFile(path string, p []byte) error { // ok: the footer goes first
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write(p); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func zipNothingWritten(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	f.Close() // want `f.Close\(\) runs before zw.Close\(\); the zip central directory is written to a closed file`
	return zw.Close()
}

func closeWriteThenFlush(conn *net.TCPConn, p []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	conn.CloseWrite() // want `conn.CloseWrite\(\) runs before bw.Flush\(\); buffered bytes of bufio.Writer "bw" are written to a connection closed for writing`
	return bw.Flush()
}

func closeOnOneBranch(conn net.Conn, p []byte, quit bool) error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	if quit {
		conn.Close() // want `conn.Close\(\) runs before bw.Flush\(\)`
	}
	return bw.Flush()
}

func closeOnErrorPath(conn net.Conn, p []byte) error { // ok: the close is on a path that returns an error
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(p); err != nil {
		conn.Close()
		return err
	}
	return bw.Flush()
}

func flushedTwice(conn net.Conn, p []byte) { // ok: nothing is pending at the second Flush
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	bw.Flush()
	conn.Close()
	bw.Flush()
}

func reassigned(a, b net.Conn, p []byte) error { // ok: bw writes to a, which stays open
	conn := a
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	conn = b
	conn.Close()
	return bw.Flush()
}

var errQuit = errors.New("quit")

func inLoop(ln net.Listener) error { // ok: each connection is flushed before it is closed
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(conn)
		bw.WriteString("hello\n")
		if err := bw.Flush(); err != nil {
			return err
		}
		conn.Close()
	}
}

func inLoopBad(ln net.Listener, lines []string) error {
	conn, err := ln.Accept()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(conn)
	for i, l := range lines {
		bw.WriteString(l)
		if i == 3 {
			conn.Close() // want `conn.Close\(\) runs before bw.Flush\(\)`
		}
	}
	return bw.Flush()
}

func selectClose(conn net.Conn, done chan struct{}, data chan []byte) error {
	bw := bufio.NewWriter(conn)
	for {
		select {
		case p := <-data:
			bw.Write(p)
		case <-done:
			conn.Close() // want `conn.Close\(\) runs before bw.Flush\(\)`
			return bw.Flush()
		}
	}
}

func switchOK(conn net.Conn, kind int, p []byte) error { // ok: every case flushes before the close
	bw := bufio.NewWriter(conn)
	switch kind {
	case 0:
		bw.Write(p)
	case 1:
		bw.WriteString("x")
	default:
		return errQuit
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return conn.Close()
}

func hijacked(w interface {
	Hijack() (net.Conn, *bufio.ReadWriter, error)
}) error {
	conn, brw, err := w.Hijack()
	if err != nil {
		return err
	}
	brw.WriteString("HTTP/1.1 101 Switching Protocols\r\n\r\n")
	conn.Close() // want `conn.Close\(\) runs before brw.Flush\(\); buffered bytes of bufio.ReadWriter "brw" are written to a closed connection`
	return brw.Flush()
}

func hijackedOK(w interface {
	Hijack() (net.Conn, *bufio.ReadWriter, error)
}) error { // ok: flushed first
	conn, brw, err := w.Hijack()
	if err != nil {
		return err
	}
	defer conn.Close()
	brw.WriteString("HTTP/1.1 101 Switching Protocols\r\n\r\n")
	return brw.Flush()
}

func methodValue(conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	stop := conn.Close
	bw.Write(p)
	stop() // want `stop\(\) runs before bw.Flush\(\)`
	return bw.Flush()
}

func passedToHelper(conn net.Conn, p []byte) error { // ok: finish flushes it before the close
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	finish(bw)
	conn.Close()
	return bw.Flush()
}

func finish(bw *bufio.Writer) error { return bw.Flush() }

func escapes(conn net.Conn, p []byte) (*bufio.Writer, error) { // ok: bw is returned, its caller finishes it
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	return bw, nil
}

func closures(conn net.Conn, p []byte) func() error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	return func() error {
		conn.Close() // want `conn.Close\(\) runs before bw.Flush\(\)`
		return bw.Flush()
	}
}

func closuresOK(conn net.Conn, p []byte) func() error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	return func() error { // ok: flushed, then closed
		if err := bw.Flush(); err != nil {
			return err
		}
		return conn.Close()
	}
}

func generic[W io.WriteCloser](dst W, p []byte) error {
	bw := bufio.NewWriter(dst)
	bw.Write(p)
	dst.Close() // want `dst.Close\(\) runs before bw.Flush\(\); buffered bytes of bufio.Writer "bw" are written to a closed destination`
	return bw.Flush()
}

func genericOK[W io.WriteCloser](dst W, p []byte) error { // ok
	bw := bufio.NewWriter(dst)
	bw.Write(p)
	if err := bw.Flush(); err != nil {
		return err
	}
	return dst.Close()
}

type client struct {
	conn net.Conn
}

func (c *client) fieldDest(p []byte) error {
	bw := bufio.NewWriter(c.conn)
	bw.Write(p)
	c.conn.Close() // want `c.conn.Close\(\) runs before bw.Flush\(\)`
	return bw.Flush()
}

func (c *client) fieldDestReplaced(p []byte, next net.Conn) error { // ok: the closed conn is the new one
	bw := bufio.NewWriter(c.conn)
	bw.Write(p)
	c.conn = next
	c.conn.Close()
	return bw.Flush()
}

func joinWrongOrder(f *os.File, p []byte) error {
	zw := gzip.NewWriter(f)
	zw.Write(p)
	return errors.Join(f.Close(), zw.Close()) // want `f.Close\(\) runs before zw.Close\(\); the gzip footer is written to a closed file`
}

func joinRightOrder(f *os.File, p []byte) error { // ok: arguments are evaluated left to right
	zw := gzip.NewWriter(f)
	zw.Write(p)
	return errors.Join(zw.Close(), f.Close())
}

func tarOverGzip(f *os.File, name string, p []byte) error {
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	tw.WriteHeader(&tar.Header{Name: name, Size: int64(len(p)), Mode: 0o644})
	tw.Write(p)
	if err := gz.Close(); err != nil { // want `gz.Close\(\) runs before tw.Close\(\); the tar trailer is written to a closed writer`
		return err
	}
	return tw.Close()
}

func tarOverGzipDefers(f *os.File, name string, p []byte) error {
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	defer tw.Close()
	defer gz.Close() // want `defer gz.Close\(\) runs before defer tw.Close\(\); the tar trailer is written to a closed writer`
	tw.WriteHeader(&tar.Header{Name: name, Size: int64(len(p)), Mode: 0o644})
	_, err := tw.Write(p)
	return err
}

func tarOverGzipOK(f *os.File, name string, p []byte) error { // ok: inner first, then outer, then the file
	defer f.Close()
	gz := gzip.NewWriter(f)
	defer gz.Close()
	tw := tar.NewWriter(gz)
	defer tw.Close()
	tw.WriteHeader(&tar.Header{Name: name, Size: int64(len(p)), Mode: 0o644})
	_, err := tw.Write(p)
	return err
}

func zipThenFileExplicit(path string, files map[string][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	defer zw.Close()
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		w.Write(data)
	}
	return f.Close() // want `f.Close\(\) runs before the deferred zw.Close\(\); the zip central directory is written to a closed file`
}

func silencedLintIgnore(conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	//lint:ignore flushcheck/closeorder the test wants the error a flush into a closed connection returns
	conn.Close()
	return bw.Flush()
}

func silencedNolint(conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	conn.Close() //nolint:flushcheck // the test wants the error a flush into a closed connection returns
	return bw.Flush()
}
