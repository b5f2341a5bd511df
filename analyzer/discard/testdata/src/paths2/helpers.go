package paths2

import (
	"bufio"
	"fmt"
	"net"
)

func parse(c net.Conn) error { _, err := c.Read(make([]byte, 1)); return err }

// writeError is only called on paths that go on to return err.
func writeError(bw *bufio.Writer, err error) {
	fmt.Fprintf(bw, "HTTP/1.1 400 Bad Request\r\n\r\n%v", err)
	bw.Flush() // ok: every caller returns a non-nil error after the call
}

func Serve(c net.Conn) error {
	bw := bufio.NewWriter(c)
	if err := parse(c); err != nil {
		writeError(bw, err)
		return err
	}
	return bw.Flush()
}

func ServeLoop(c net.Conn, n int) error {
	bw := bufio.NewWriter(c)
	var err error
	for range n {
		if err = parse(c); err != nil {
			writeError(bw, err)
			break
		}
	}
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return bw.Flush()
}

// writeStatus is also called on a path that reports success.
func writeStatus(bw *bufio.Writer, code int) {
	fmt.Fprintf(bw, "HTTP/1.1 %d\r\n\r\n", code)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded`
}

func ServeStatus(c net.Conn) error {
	bw := bufio.NewWriter(c)
	if err := parse(c); err != nil {
		writeStatus(bw, 400)
		return err
	}
	writeStatus(bw, 200)
	return nil
}

// WriteError may be called from another package.
func WriteError(bw *bufio.Writer, err error) {
	fmt.Fprintf(bw, "HTTP/1.1 400 Bad Request\r\n\r\n%v", err)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded`
}

func ServeExported(c net.Conn) error {
	bw := bufio.NewWriter(c)
	if err := parse(c); err != nil {
		WriteError(bw, err)
		return err
	}
	return bw.Flush()
}

// writeErrorValue escapes as a value: its calls are out of sight.
func writeErrorValue(bw *bufio.Writer, err error) {
	fmt.Fprintf(bw, "HTTP/1.1 400 Bad Request\r\n\r\n%v", err)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded`
}

var onError = writeErrorValue

func ServeValue(c net.Conn) error {
	bw := bufio.NewWriter(c)
	if err := parse(c); err != nil {
		writeErrorValue(bw, err)
		return err
	}
	return bw.Flush()
}

type conn struct{ nc net.Conn }

// reject is a method an interface of the package names: a dynamic call
// may reach it from anywhere.
func (c *conn) reject(err error) {
	c.nc.Write([]byte(err.Error())) // want `error from \(net.Conn\).Write on c.nc is discarded`
}

type rejecter interface{ reject(err error) }

func (c *conn) serve() error {
	if err := parse(c.nc); err != nil {
		c.reject(err)
		return err
	}
	return nil
}

// hangUp is a failure helper; its deferred closure runs before it
// returns, its goroutine may run after.
func (c *conn) hangUp(err error) {
	defer func() {
		c.nc.Write([]byte("bye")) // ok: runs before hangUp returns to its failing caller
	}()
	go func() {
		c.nc.Write([]byte(err.Error())) // want `error from \(net.Conn\).Write on c.nc is discarded`
	}()
}

func (c *conn) serveAsync() error {
	if err := parse(c.nc); err != nil {
		c.hangUp(err)
		return err
	}
	return nil
}
