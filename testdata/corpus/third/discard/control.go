package discard

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"sync"
	"time"
)

// Proxy splices a client and a backend connection together. The
// client-to-backend direction runs in a goroutine whose error nobody sees.
func Proxy(client, backend net.Conn) error {
	defer client.Close()        // LABEL: ok discard
	defer backend.Close()       // LABEL: ok discard
	go io.Copy(backend, client) // LABEL: bad discard
	_, err := io.Copy(client, backend)
	return err
}

// Pipe copies src to dst in the background and reports the result.
func Pipe(dst io.Writer, src io.Reader) <-chan error {
	errc := make(chan error, 1)
	go func() {
		_, err := io.Copy(dst, src) // LABEL: ok discard
		errc <- err
	}()
	return errc
}

// StreamGzip returns a reader yielding src gzip-compressed.
func StreamGzip(src io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		gz := gzip.NewWriter(pw)
		_, err := io.Copy(gz, src)
		if cerr := gz.Close(); err == nil {
			err = cerr
		}
		pw.CloseWithError(err) // LABEL: ok discard
	}()
	return pr
}

// Room fans messages out to its members.
type Room struct {
	mu      sync.Mutex
	members []net.Conn
}

// Join adds conn to the room.
func (r *Room) Join(conn net.Conn) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.members = append(r.members, conn)
}

// Broadcast sends msg to every member.
func (r *Room) Broadcast(msg []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.members {
		c.Write(msg) // LABEL: bad discard
	}
}

// Publisher forwards queued messages to a broker connection.
type Publisher struct {
	conn      net.Conn
	out       chan []byte
	heartbeat time.Duration
}

// Run forwards messages until ctx is cancelled, then reports a clean stop.
func (p *Publisher) Run(ctx context.Context) error {
	t := time.NewTicker(p.heartbeat)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case m := <-p.out:
			p.conn.Write(m) // LABEL: bad discard
		case <-t.C:
			if _, err := p.conn.Write([]byte("PING\n")); err != nil {
				return err
			}
		}
	}
}

// Report is a test-run summary.
type Report struct {
	Name           string
	Passed, Failed int
}

// WriteReport writes r to f in the requested format.
func WriteReport(f *os.File, format string, r Report) error {
	switch format {
	case "json":
		return json.NewEncoder(f).Encode(r)
	case "text":
		fmt.Fprintf(f, "%s: %d passed, %d failed\n", r.Name, r.Passed, r.Failed) // LABEL: bad discard
	default:
		return fmt.Errorf("unknown format %q", format)
	}
	return nil
}

// AuditLog appends audit events to a buffered file.
type AuditLog struct {
	mu sync.Mutex
	bw *bufio.Writer
}

// NewAuditLog appends to f.
func NewAuditLog(f *os.File) *AuditLog {
	return &AuditLog{bw: bufio.NewWriter(f)}
}

// Record writes one event and flushes it on the way out.
func (l *AuditLog) Record(ev string) error {
	l.mu.Lock()
	defer func() {
		l.bw.Flush() // LABEL: bad discard
		l.mu.Unlock()
	}()
	_, err := fmt.Fprintf(l.bw, "%s %s\n", time.Now().UTC().Format(time.RFC3339), ev)
	return err
}

// SegmentSet is a group of segments synced together.
type SegmentSet struct {
	segs []*Segment
}

// SyncAll fsyncs every segment; only the last error survives the loop.
func (s *SegmentSet) SyncAll() error {
	var err error
	for _, seg := range s.segs {
		err = seg.f.Sync() // LABEL: bad discard
	}
	return err
}

// SyncEach fsyncs every segment and reports all failures.
func (s *SegmentSet) SyncEach() error {
	var errs []error
	for _, seg := range s.segs {
		errs = append(errs, seg.f.Sync()) // LABEL: ok discard
	}
	return errors.Join(errs...)
}

// flushWriter is a buffered destination.
type flushWriter interface {
	io.Writer
	Flush() error
}

// WriteLines writes msgs to w, one per line, then flushes.
func WriteLines[W flushWriter](w W, msgs []string) error {
	for _, m := range msgs {
		if _, err := io.WriteString(w, m+"\n"); err != nil {
			return err
		}
	}
	w.Flush() // LABEL: bad discard
	return nil
}

// CloseAll closes every closer and reports all failures.
func CloseAll[C io.Closer](cs []C) error {
	var errs []error
	for _, c := range cs {
		errs = append(errs, c.Close()) // LABEL: ok discard
	}
	return errors.Join(errs...)
}

// Exporter writes a compressed export file.
type Exporter struct {
	f      *os.File
	gz     *gzip.Writer
	onStop func() error
}

// Stop finishes the export. The close errors are overwritten when a stop
// hook is installed.
func (e *Exporter) Stop() error {
	err := errors.Join(e.gz.Close(), e.f.Close()) // LABEL: bad discard
	if e.onStop != nil {
		err = e.onStop()
	}
	return err
}

// MustWriteFile writes data to path or panics.
func MustWriteFile(path string, data []byte) {
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close() // LABEL: ok discard
		panic(err)
	}
	if err := f.Close(); err != nil {
		log.Panicf("close %s: %v", path, err)
	}
}
