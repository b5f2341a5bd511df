package discard

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"sync"

	"heldout3/internal/memlog"
	"heldout3/internal/wire"
	"heldout3/third/lz"
	"heldout3/third/objstore"
)

// httpConn is one HTTP/1 server connection.
type httpConn struct {
	rwc net.Conn
	br  *bufio.Reader
	bw  *bufio.Writer
}

func newHTTPConn(rwc net.Conn) *httpConn {
	return &httpConn{rwc: rwc, br: bufio.NewReader(rwc), bw: bufio.NewWriterSize(rwc, 4<<10)}
}

// Close ends the connection. The tail of the last response may still sit in
// the buffer; if the socket is full the flush fails and the peer gets a
// truncated body after a 200.
func (c *httpConn) Close() error {
	_ = c.bw.Flush() // LABEL: bad discard
	return c.rwc.Close()
}

// metricsConn pushes metric lines to a collector.
type metricsConn struct {
	conn net.Conn
	bw   *bufio.Writer
}

func dialMetrics(addr string) (*metricsConn, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &metricsConn{conn: conn, bw: bufio.NewWriter(conn)}, nil
}

// Close reports both the flush and the close failure.
func (c *metricsConn) Close() error {
	return errors.Join(c.bw.Flush(), c.conn.Close()) // LABEL: ok discard
}

var goAway = []byte{0x07, 0x00}

// Session multiplexes streams over one framed connection.
type Session struct {
	mu     sync.Mutex
	fr     *wire.Framer
	closed bool
}

// NewSession starts a session on conn.
func NewSession(conn net.Conn) *Session {
	return &Session{fr: wire.NewFramer(conn)}
}

// Shutdown sends GOAWAY and stops accepting streams. The GOAWAY frame is
// only buffered until the flush, whose error is dropped.
func (s *Session) Shutdown() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if err := s.fr.WriteFrame(goAway); err != nil {
		return err
	}
	s.fr.Flush() // LABEL: bad discard
	return nil
}

// PushBatch sends a batch of frames to a collector.
func PushBatch(conn net.Conn, batch [][]byte) error {
	fr := wire.NewFramer(conn)
	defer fr.Close() // LABEL: bad discard
	for _, b := range batch {
		if err := fr.WriteFrame(b); err != nil {
			return err
		}
	}
	return nil
}

// Archive uploads a finished segment to object storage. The object is only
// committed by Close.
func Archive(ctx context.Context, b *objstore.Bucket, key string, seg io.Reader) error {
	w := b.NewWriter(ctx, key)
	if _, err := io.Copy(w, seg); err != nil {
		w.Close() // LABEL: ok discard
		return err
	}
	w.Close() // LABEL: bad discard
	return nil
}

// Sink opens destinations for exports.
type Sink interface {
	Open(ctx context.Context, name string) (io.WriteCloser, error)
}

// Export writes rows as JSON lines to a sink-provided writer.
func Export(ctx context.Context, s Sink, name string, rows []Row) error {
	w, err := s.Open(ctx, name)
	if err != nil {
		return err
	}
	defer w.Close() // LABEL: bad discard
	enc := json.NewEncoder(w)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// CompressSegment compresses src into dst with the third-party codec.
func CompressSegment(dst *os.File, src io.Reader) error {
	zw := lz.NewWriter(dst)
	defer zw.Close() // LABEL: bad discard
	_, err := io.Copy(zw, src)
	return err
}

// recordWriter writes gzip-compressed JSON lines into a file.
type recordWriter struct {
	f   *os.File
	gz  *gzip.Writer
	enc *json.Encoder
}

func newRecordWriter(path string) (*recordWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	gz := gzip.NewWriter(f)
	return &recordWriter{f: f, gz: gz, enc: json.NewEncoder(gz)}, nil
}

// Put appends one record.
func (w *recordWriter) Put(rec any) error {
	return w.enc.Encode(rec)
}

// Close finishes the gzip stream and closes the file.
func (w *recordWriter) Close() error {
	if err := w.gz.Close(); err != nil {
		return errors.Join(err, w.f.Close())
	}
	return w.f.Close()
}

// DumpRecords writes recs into a compressed record file.
func DumpRecords(path string, recs []any) error {
	rw, err := newRecordWriter(path)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := rw.Put(r); err != nil {
			rw.Close() // LABEL: ok discard
			return err
		}
	}
	rw.Close() // LABEL: bad discard
	return nil
}

// memSink collects output in memory for dry runs; Close does nothing.
type memSink struct {
	bytes.Buffer
}

func (*memSink) Close() error { return nil }

// DryRun renders rows the way Export would, without a destination.
func DryRun(rows []Row) (string, error) {
	s := &memSink{}
	defer s.Close() // LABEL: ok discard
	enc := json.NewEncoder(s)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return "", err
		}
	}
	return s.String(), nil
}

// Capture runs fn against an in-memory log and returns the lines written.
func Capture(fn func(io.Writer)) [][]byte {
	l := new(memlog.Log)
	fn(l)
	l.Close() // LABEL: ok discard
	return l.Lines()
}

// lineBuffer batches lines in memory; Flush moves them into the buffer.
type lineBuffer struct {
	pending []string
	out     []string
}

func (b *lineBuffer) Add(line string) { b.pending = append(b.pending, line) }

func (b *lineBuffer) Flush() error {
	b.out = append(b.out, b.pending...)
	b.pending = b.pending[:0]
	return nil
}

// Render returns all lines added so far.
func Render(lines []string) string {
	var b lineBuffer
	for _, l := range lines {
		b.Add(l)
	}
	b.Flush() // LABEL: ok discard
	return strings.Join(b.out, "\n")
}
