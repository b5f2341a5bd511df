package fix

import (
	"bufio"
	"compress/gzip"
	"io"
	"net"
	"os"
)

type point struct{ x, y int }

func flush(bw *bufio.Writer) error {
	_ = bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded`
	return nil
}

func copyStmt(conn net.Conn, r io.Reader) (int64, point, error) {
	io.Copy(conn, r) // want `error from io.Copy to conn is discarded`
	return 0, point{}, nil
}

func inClosure(conn net.Conn, p []byte) func() error {
	return func() error {
		conn.Write(p) // want `error from \(net.Conn\).Write on conn is discarded`
		return nil
	}
}

func noErrorResult(bw *bufio.Writer) {
	// No fix: nothing to return the error in.
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded`
}

func save(path string, p []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `error from \(\*os.File\).Close on f is discarded in a deferred call`
	zw := gzip.NewWriter(f)
	if _, err := zw.Write(p); err != nil {
		return err
	}
	return zw.Close()
}

func unnamed(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	// No fix: no named result to keep the error in.
	defer f.Close() // want `error from \(\*os.File\).Close on f is discarded in a deferred call`
	_, err = f.Write(nil)
	return err
}

func reassigned(a, b string) (err error) {
	f, err := os.Create(a)
	if err != nil {
		return err
	}
	// No fix: f changes later, and the deferred call closes the first file.
	defer f.Close() // want `error from \(\*os.File\).Close on f is discarded in a deferred call`
	if _, err := f.WriteString("x"); err != nil {
		return err
	}
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	_, err = io.ReadAll(f)
	return err
}
