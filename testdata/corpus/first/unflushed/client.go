package unflushed

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

// Client is a line-protocol client (shaped like an early memcache/redis
// client): requests are buffered in c.bw and written on Flush.
type Client struct {
	conn net.Conn
	bw   *bufio.Writer
	br   *bufio.Reader
}

// Dial connects.
func Dial(addr string) (*Client, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	c := &Client{conn: conn}
	c.bw = bufio.NewWriter(c.conn)
	c.br = bufio.NewReader(c.conn)
	return c, nil // LABEL: ok unflushed
}

// Set buffers a set command; it is sent on the next Flush.
func (c *Client) Set(key, val string) error {
	_, err := fmt.Fprintf(c.bw, "SET %s %s\r\n", key, val)
	return err
}

// Flush sends buffered commands.
func (c *Client) Flush() error {
	return c.bw.Flush()
}

// Close closes the connection without flushing the pending commands.
func (c *Client) Close() error {
	return c.conn.Close() // LABEL: bad unflushed
}

// session is a server-side session; Shutdown forgets the buffered replies.
type session struct {
	conn net.Conn
	bw   *bufio.Writer
	mu   sync.Mutex
}

func newSession(conn net.Conn) *session {
	s := &session{conn: conn}
	s.bw = bufio.NewWriterSize(s.conn, 32<<10)
	return s
}

func (s *session) reply(line string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.bw.WriteString(line + "\r\n")
	return err
}

// Shutdown sends nothing of what is buffered.
func (s *session) Shutdown() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.conn.Close() // LABEL: bad unflushed
	return err
}

// streamer pushes events; Stop closes the connection with events still buffered.
type streamer struct {
	conn net.Conn
	bw   *bufio.Writer
	done chan struct{}
}

func startStreamer(conn net.Conn) *streamer {
	st := &streamer{conn: conn, done: make(chan struct{})}
	st.bw = bufio.NewWriter(st.conn)
	return st
}

func (st *streamer) Push(ev []byte) error {
	_, err := st.bw.Write(ev)
	return err
}

func (st *streamer) Stop() {
	close(st.done)
	st.conn.Close() // LABEL: bad unflushed
}

// http2Client is reduced from an HTTP/2 transport whose Close wrote a
// GOAWAY frame into the framer's buffer and closed the socket without
// flushing it.
type http2Client struct {
	conn    net.Conn
	bw      *bufio.Writer
	mu      sync.Mutex
	closing bool
}

func newHTTP2Client(conn net.Conn) *http2Client {
	t := &http2Client{conn: conn}
	t.bw = bufio.NewWriterSize(t.conn, 16<<10)
	return t
}

func (t *http2Client) writeGoAway(code uint32) error {
	frame := []byte{0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte(code >> 24), byte(code >> 16), byte(code >> 8), byte(code)}
	_, err := t.bw.Write(frame)
	return err
}

// Close writes GOAWAY into the buffer and closes the connection.
func (t *http2Client) Close(reason error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closing {
		return
	}
	t.closing = true
	if err := t.writeGoAway(0); err != nil {
		t.conn.Close()
		return
	}
	t.conn.Close() // LABEL: bad unflushed
}

// ---- near-misses ----

// pipeline is a client whose Close flushes before closing.
type pipeline struct {
	conn net.Conn
	bw   *bufio.Writer
}

func newPipeline(conn net.Conn) *pipeline {
	p := &pipeline{conn: conn}
	p.bw = bufio.NewWriter(p.conn)
	return p
}

func (p *pipeline) Send(cmd string) error {
	_, err := p.bw.WriteString(cmd + "\r\n")
	return err
}

func (p *pipeline) Close() error {
	if err := p.bw.Flush(); err != nil {
		p.conn.Close()
		return err
	}
	return p.conn.Close() // LABEL: ok unflushed
}

// publisher's Close joins the flush and the close.
type publisher struct {
	conn net.Conn
	bw   *bufio.Writer
}

func newPublisher(conn net.Conn) *publisher {
	p := &publisher{conn: conn}
	p.bw = bufio.NewWriter(p.conn)
	return p
}

func (p *publisher) Publish(topic, msg string) error {
	_, err := fmt.Fprintf(p.bw, "PUB %s %d\r\n%s\r\n", topic, len(msg), msg)
	return err
}

func (p *publisher) Shutdown() error {
	ferr := p.bw.Flush()
	return errors.Join(ferr, p.conn.Close()) // LABEL: ok unflushed
}

// mailer's Close calls its own Flush method first.
type mailer struct {
	conn net.Conn
	bw   *bufio.Writer
}

func newMailer(conn net.Conn) *mailer {
	m := &mailer{conn: conn}
	m.bw = bufio.NewWriter(m.conn)
	return m
}

func (m *mailer) Data(body string) error {
	_, err := m.bw.WriteString(body + "\r\n.\r\n")
	return err
}

func (m *mailer) Flush() error { return m.bw.Flush() }

func (m *mailer) Close() error {
	if err := m.Flush(); err != nil {
		return err
	}
	return m.conn.Close() // LABEL: ok unflushed
}

// http2Server flushes its GOAWAY before closing.
type http2Server struct {
	conn net.Conn
	bw   *bufio.Writer
}

func newHTTP2Server(conn net.Conn) *http2Server {
	s := &http2Server{conn: conn}
	s.bw = bufio.NewWriter(s.conn)
	return s
}

func (s *http2Server) Stop() error {
	if _, err := s.bw.Write([]byte{0, 0, 8, 7, 0, 0, 0, 0, 0}); err != nil {
		s.conn.Close()
		return err
	}
	if err := s.bw.Flush(); err != nil {
		s.conn.Close()
		return fmt.Errorf("flush goaway: %w", err)
	}
	return s.conn.Close() // LABEL: ok unflushed
}

// watcher keeps a reader-only connection: Close has nothing buffered to lose.
type watcher struct {
	conn net.Conn
	br   *bufio.Reader
}

func newWatcher(conn net.Conn) *watcher {
	w := &watcher{conn: conn}
	w.br = bufio.NewReader(w.conn)
	return w
}

func (w *watcher) Close() error {
	return w.conn.Close() // LABEL: ok unflushed
}
