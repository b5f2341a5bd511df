package order

import (
	"bufio"
	"compress/gzip"
	"net"
	"os"
)

// --- writers kept in a field over a destination in another field ---

type conn struct {
	nc net.Conn
	bw *bufio.Writer
}

func newConn(nc net.Conn) *conn {
	return &conn{nc: nc, bw: bufio.NewWriter(nc)}
}

func (c *conn) shutdown() error {
	c.nc.Close() // want `c.nc.Close\(\) runs before c.bw.Flush\(\); buffered bytes of bufio.Writer "c.bw" are written to a closed connection`
	return c.bw.Flush()
}

func (c *conn) serve(lines []string) {
	defer c.bw.Flush()
	defer c.nc.Close() // want `defer c.nc.Close\(\) runs before defer c.bw.Flush\(\)`
	for _, l := range lines {
		c.bw.WriteString(l)
	}
}

func (c *conn) Close() error { // ok: flushed, then closed
	if err := c.bw.Flush(); err != nil {
		c.nc.Close()
		return err
	}
	return c.nc.Close()
}

func (c *conn) serveOK(lines []string) error { // ok: the close is deferred first, so it runs last
	defer c.nc.Close()
	for _, l := range lines {
		c.bw.WriteString(l)
	}
	return c.bw.Flush()
}

func (c *conn) reconnect(nc net.Conn) { // ok: the writer is aimed at the new connection, not flushed into the old one
	c.nc.Close()
	c.nc = nc
	c.bw.Reset(nc)
}

func (c *conn) replaced(nc net.Conn) error { // ok: the closed connection is the new one; bw still writes to the old
	c.nc = nc
	c.nc.Close()
	return c.bw.Flush()
}

func swapConns(a, b *conn) error { // ok: b's writer is not over a's connection
	a.nc.Close()
	return b.bw.Flush()
}

type archive struct {
	f  *os.File
	zw *gzip.Writer
}

func (a *archive) init(f *os.File) {
	a.f = f
	a.zw = gzip.NewWriter(a.f)
}

func (a *archive) finish() error {
	defer a.zw.Close()
	defer a.f.Close() // want `defer a.f.Close\(\) runs before defer a.zw.Close\(\); the gzip footer is written to a closed file`
	_, err := a.zw.Write([]byte("end"))
	return err
}

func (a *archive) finishOK() error { // ok: the footer is written before the file is closed
	if err := a.zw.Close(); err != nil {
		a.f.Close()
		return err
	}
	return a.f.Close()
}

type rpcClient struct {
	conn net.Conn
	w    *bufio.Writer
}

func dialRPC(nc net.Conn) *rpcClient {
	c := &rpcClient{conn: nc}
	c.w = bufio.NewWriter(nc)
	return c
}

func (c *rpcClient) Close() error {
	err := c.conn.Close() // want `c.conn.Close\(\) runs before c.w.Flush\(\); buffered bytes of bufio.Writer "c.w" are written to a closed connection`
	if ferr := c.w.Flush(); ferr != nil && err == nil {
		err = ferr
	}
	return err
}
