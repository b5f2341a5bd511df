// Package objstore is a small stand-in for a third-party object storage
// client. An object becomes visible only when its Writer's Close succeeds.
package objstore

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
)

// Client talks to one storage endpoint.
type Client struct {
	addr string
}

// NewClient returns a client for the endpoint at addr.
func NewClient(addr string) *Client {
	return &Client{addr: addr}
}

// Bucket returns a handle to the named bucket.
func (c *Client) Bucket(name string) *Bucket {
	return &Bucket{c: c, name: name}
}

// Bucket is a named container of objects.
type Bucket struct {
	c    *Client
	name string
}

// NewWriter returns a writer that uploads the object key.
func (b *Bucket) NewWriter(ctx context.Context, key string) *Writer {
	return &Writer{ctx: ctx, b: b, key: key, ContentType: "application/octet-stream"}
}

// Writer uploads one object. Data is buffered and streamed; the upload is
// committed by Close.
type Writer struct {
	ContentType string

	ctx  context.Context
	b    *Bucket
	key  string
	conn net.Conn
	bw   *bufio.Writer
	err  error
}

func (w *Writer) open() error {
	if w.conn != nil || w.err != nil {
		return w.err
	}
	var d net.Dialer
	conn, err := d.DialContext(w.ctx, "tcp", w.b.c.addr)
	if err != nil {
		w.err = err
		return err
	}
	w.conn = conn
	w.bw = bufio.NewWriterSize(conn, 256<<10)
	_, w.err = fmt.Fprintf(w.bw, "PUT /%s/%s\r\nContent-Type: %s\r\n\r\n", w.b.name, w.key, w.ContentType)
	return w.err
}

// Write buffers p for upload.
func (w *Writer) Write(p []byte) (int, error) {
	if err := w.open(); err != nil {
		return 0, err
	}
	return w.bw.Write(p)
}

// Close sends the remaining data and waits for the server to commit it.
func (w *Writer) Close() error {
	if err := w.open(); err != nil {
		return err
	}
	if err := w.bw.Flush(); err != nil {
		w.conn.Close()
		return err
	}
	status, err := bufio.NewReader(w.conn).ReadString('\n')
	if err != nil {
		w.conn.Close()
		return err
	}
	if !strings.HasPrefix(status, "OK") {
		w.conn.Close()
		return fmt.Errorf("objstore: put %s: %s", w.key, strings.TrimSpace(status))
	}
	return w.conn.Close()
}
