package unflushed

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"time"
)

// Client is a pipelining line-protocol client: Send buffers, Sync flushes.
type Client struct {
	conn net.Conn
	br   *bufio.Reader
	bw   *bufio.Writer
}

// Dial connects to addr.
func Dial(addr string) (*Client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn, br: bufio.NewReader(conn), bw: bufio.NewWriter(conn)}, nil
}

// Send queues a command; it is sent by Sync or Close.
func (c *Client) Send(cmd string) error {
	_, err := c.bw.WriteString(cmd + "\r\n")
	return err // LABEL: ok unflushed
}

// Sync sends the queued commands.
func (c *Client) Sync() error {
	return c.bw.Flush()
}

// Close hangs up with queued commands still in the buffer.
func (c *Client) Close() error {
	return c.conn.Close() // LABEL: bad unflushed
}

// metricsPusher batches samples into a buffered connection.
type metricsPusher struct {
	mu   sync.Mutex
	conn net.Conn
	w    *bufio.Writer
	done chan struct{}
}

func newMetricsPusher(conn net.Conn) *metricsPusher {
	return &metricsPusher{conn: conn, w: bufio.NewWriterSize(conn, 8<<10), done: make(chan struct{})}
}

func (p *metricsPusher) Push(name string, v float64) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, err := fmt.Fprintf(p.w, "%s %g %d\n", name, v, time.Now().Unix())
	return err
}

// Shutdown stops the pusher; the last batch of samples is still buffered.
func (p *metricsPusher) Shutdown(ctx context.Context) error {
	close(p.done)
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.conn.Close() // LABEL: bad unflushed
}

// spooler writes queued blobs to a connection.
type spooler struct {
	conn  net.Conn
	out   *bufio.Writer
	queue chan []byte
	quit  chan struct{}
}

func newSpooler(conn net.Conn) *spooler {
	return &spooler{conn: conn, out: bufio.NewWriter(conn), queue: make(chan []byte, 64), quit: make(chan struct{})}
}

// Stop drains the queue into the buffer and then closes the connection
// under it.
func (s *spooler) Stop() {
	close(s.quit)
	for {
		select {
		case b := <-s.queue:
			s.out.Write(b)
		default:
			s.conn.Close() // LABEL: bad unflushed
			return
		}
	}
}

// session joins the flush and close errors; the flush runs first.
type session struct {
	conn net.Conn
	bw   *bufio.Writer
}

func newSession(conn net.Conn) *session {
	return &session{conn: conn, bw: bufio.NewWriter(conn)}
}

func (s *session) Close() error {
	return errors.Join(s.bw.Flush(), s.conn.Close()) // LABEL: ok unflushed
}

// streamConn flushes through a locked helper before closing.
type streamConn struct {
	mu     sync.Mutex
	conn   net.Conn
	bw     *bufio.Writer
	closed bool
}

func newStreamConn(conn net.Conn) *streamConn {
	return &streamConn{conn: conn, bw: bufio.NewWriter(conn)}
}

func (s *streamConn) flushLocked() error {
	return s.bw.Flush()
}

func (s *streamConn) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if err := s.flushLocked(); err != nil {
		s.conn.Close() // LABEL: ok unflushed
		return err
	}
	return s.conn.Close() // LABEL: ok unflushed
}

// recorder writes a capture to a file and takes commands on a control
// connection; the buffered writer is over the file, not the connection.
type recorder struct {
	ctrl net.Conn
	file *os.File
	bw   *bufio.Writer
}

func newRecorder(ctrl net.Conn, f *os.File) *recorder {
	return &recorder{ctrl: ctrl, file: f, bw: bufio.NewWriter(f)}
}

func (r *recorder) Record(p []byte) error {
	_, err := r.bw.Write(p)
	return err
}

// Stop stops taking remote commands; recording continues until Close.
func (r *recorder) Stop() error {
	return r.ctrl.Close() // LABEL: ok unflushed
}

func (r *recorder) Close() error {
	return errors.Join(r.bw.Flush(), r.file.Close())
}

// http2Client is reduced from an HTTP/2 transport: frames are written to a
// buffered writer over the connection.
type http2Client struct {
	mu      sync.Mutex
	conn    net.Conn
	bw      *bufio.Writer
	streams map[uint32]chan []byte
	goAway  bool
}

const (
	frameGoAway   = 0x7
	errCodeNoErr  = 0x0
	frameHdrBytes = 9
)

func newHTTP2Client(conn net.Conn) *http2Client {
	return &http2Client{conn: conn, bw: bufio.NewWriterSize(conn, 32<<10), streams: make(map[uint32]chan []byte)}
}

func (t *http2Client) writeFrame(typ byte, streamID uint32, payload []byte) error {
	var hdr [frameHdrBytes]byte
	hdr[0] = byte(len(payload) >> 16)
	hdr[1] = byte(len(payload) >> 8)
	hdr[2] = byte(len(payload))
	hdr[3] = typ
	binary.BigEndian.PutUint32(hdr[5:], streamID&0x7fffffff)
	if _, err := t.bw.Write(hdr[:]); err != nil {
		return err
	}
	_, err := t.bw.Write(payload)
	return err
}

func goAwayPayload(lastStream, code uint32) []byte {
	p := make([]byte, 8)
	binary.BigEndian.PutUint32(p, lastStream)
	binary.BigEndian.PutUint32(p[4:], code)
	return p
}

// Close sends GOAWAY and tears the transport down; the GOAWAY frame is
// still in the buffer when the socket closes.
func (t *http2Client) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.goAway {
		t.goAway = true
		t.writeFrame(frameGoAway, 0, goAwayPayload(0, errCodeNoErr))
	}
	for id, ch := range t.streams {
		close(ch)
		delete(t.streams, id)
	}
	return t.conn.Close() // LABEL: bad unflushed
}
