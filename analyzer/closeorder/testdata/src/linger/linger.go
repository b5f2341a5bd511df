package linger

import (
	"bufio"
	"errors"
	"io"
	"net"
)

// --- SetLinger(0) on a connection that was written to ---

func abortAfterWrite(conn *net.TCPConn, p []byte) error {
	if _, err := conn.Write(p); err != nil {
		return err
	}
	conn.SetLinger(0) // want `conn.SetLinger\(0\) makes conn.Close\(\) reset net.TCPConn "conn", which this function wrote to; unsent bytes are dropped`
	return conn.Close()
}

func lingerThroughAssertion(c net.Conn, p []byte) error {
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetLinger(0) // want `tc.SetLinger\(0\) makes the deferred c.Close\(\) reset net.Conn "c", which this function wrote to; unsent bytes are dropped`
	}
	defer c.Close()
	bw := bufio.NewWriter(c)
	bw.Write(p)
	return bw.Flush()
}

func lingerNeverWritten(c net.Conn) error { // ok: nothing was written, nothing can be dropped
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	return c.Close()
}

func lingerAfterAnswer(c *net.TCPConn, req []byte) ([]byte, error) { // ok: the peer answered after the last write
	if _, err := c.Write(req); err != nil {
		return nil, err
	}
	resp, err := io.ReadAll(c)
	if err != nil {
		return nil, err
	}
	c.SetLinger(0)
	c.Close()
	return resp, nil
}

var errProtocol = errors.New("protocol error")

func lingerOnError(c *net.TCPConn, p []byte) error { // ok: resetting on a path that returns an error is deliberate
	c.Write(p)
	if len(p) > 10 {
		c.SetLinger(0)
		c.Close()
		return errProtocol
	}
	return c.Close()
}

func lingerPositive(c *net.TCPConn, p []byte) error { // ok: a positive linger waits for the bytes
	c.Write(p)
	c.SetLinger(5)
	return c.Close()
}

func lingerNoClose(c *net.TCPConn, p []byte) { // ok: not closed here
	c.Write(p)
	c.SetLinger(0)
}

func lingerFirst(c *net.TCPConn, p []byte) error {
	c.SetLinger(0) // want `c.SetLinger\(0\) makes the deferred c.Close\(\) reset net.TCPConn "c", which this function wrote to; unsent bytes are dropped`
	defer c.Close()
	_, err := c.Write(p)
	return err
}

func lingerAfterHijackedAnswer(w interface {
	Hijack() (net.Conn, *bufio.ReadWriter, error)
}) error { // ok: the peer answered through the hijacked reader after the last write
	conn, brw, err := w.Hijack()
	if err != nil {
		return err
	}
	defer conn.Close()
	brw.WriteString("PING\r\n")
	if err := brw.Flush(); err != nil {
		return err
	}
	if _, err := brw.ReadString('\n'); err != nil {
		return err
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	return nil
}

func lingerAfterHijackedWrite(w interface {
	Hijack() (net.Conn, *bufio.ReadWriter, error)
}) error {
	conn, brw, err := w.Hijack()
	if err != nil {
		return err
	}
	defer conn.Close()
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // want `tc.SetLinger\(0\) makes the deferred conn.Close\(\) reset net.Conn "conn", which this function wrote to; unsent bytes are dropped`
	}
	brw.WriteString("BYE\r\n")
	return brw.Flush()
}
