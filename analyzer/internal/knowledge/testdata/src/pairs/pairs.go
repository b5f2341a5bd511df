package pairs

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"net"
	"os"
)

type conn struct {
	nc net.Conn
	bw *bufio.Writer
}

func (c *conn) init() {
	c.bw = bufio.NewWriter(c.nc) // want `bw over nc`
}

type file struct {
	f  *os.File
	zw *gzip.Writer
}

func newFile(f *os.File) *file {
	return &file{f: f, zw: gzip.NewWriter(f)} // want `zw over f`
}

type other struct {
	nc  net.Conn
	enc *json.Encoder
	bw  *bufio.Writer
}

func newOther(nc, x net.Conn) *other {
	return &other{
		nc:  nc,
		enc: json.NewEncoder(nc), // not a writer that must be finished
		bw:  bufio.NewWriter(x),  // over another value
	}
}

type client struct {
	conn net.Conn
	bw   *bufio.Writer
}

func dial(nc net.Conn) *client {
	c := &client{conn: nc}
	c.bw = bufio.NewWriter(nc) // want `bw over conn`
	return c
}

type server struct {
	conn net.Conn
	zw   *gzip.Writer
	log  *bufio.Writer
}

func accept(nc net.Conn, logf *os.File) *server {
	s := &server{zw: gzip.NewWriter(nc), log: bufio.NewWriter(logf)} // want `zw over conn`
	s.conn = nc
	return s
}
