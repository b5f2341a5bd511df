package unflushed

import (
	"bufio"
	"compress/gzip"
	"io"
	"net"
	"os"
	"sync"
)

// newLineWriter returns the writer: the caller owns the flush.
func newLineWriter(conn net.Conn, banner string) (*bufio.Writer, error) {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(banner + "\r\n"); err != nil {
		return nil, err
	}
	return bw, nil // LABEL: ok unflushed
}

// encoderConn stores the writer in a field: its Close flushes.
type encoderConn struct {
	conn net.Conn
	gz   *gzip.Writer
}

func newEncoderConn(conn net.Conn) (*encoderConn, error) {
	gz := gzip.NewWriter(conn)
	if _, err := gz.Write([]byte("HDR")); err != nil {
		return nil, err
	}
	ec := &encoderConn{conn: conn}
	ec.gz = gz
	return ec, nil // LABEL: ok unflushed
}

func (ec *encoderConn) Close() error {
	if err := ec.gz.Close(); err != nil {
		ec.conn.Close()
		return err
	}
	return ec.conn.Close()
}

var (
	auditMu sync.Mutex
	auditW  *bufio.Writer
)

// initAudit publishes the writer in a global; a shutdown hook flushes it.
func initAudit(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if _, err := bw.WriteString("# audit start\n"); err != nil {
		return err
	}
	auditMu.Lock()
	auditW = bw
	auditMu.Unlock()
	return nil // LABEL: ok unflushed
}

// handOff sends the writer to the goroutine that owns it.
func handOff(conn net.Conn, owners chan<- *bufio.Writer) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("READY\r\n"); err != nil {
		return err
	}
	owners <- bw
	return nil // LABEL: ok unflushed
}

// flushLater lets a goroutine finish the writer and report through errc.
func flushLater(conn net.Conn, msg string, errc chan<- error) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(msg); err != nil {
		return err
	}
	go func() {
		errc <- bw.Flush()
	}()
	return nil // LABEL: ok unflushed
}

// finish flushes the writer passed to it.
func finish(bw *bufio.Writer) error {
	return bw.Flush()
}

// finishInto flushes and records the error into *errp.
func finishInto(errp *error, bw *bufio.Writer) {
	if err := bw.Flush(); err != nil && *errp == nil {
		*errp = err
	}
}

// sendWithHelper flushes through a same-package helper.
func sendWithHelper(conn net.Conn, msg string) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(msg); err != nil {
		return err
	}
	return finish(bw) // LABEL: ok unflushed
}

// sendWithDeferredHelper flushes in a deferred helper that sets the result.
func sendWithDeferredHelper(conn net.Conn, msgs []string) (err error) {
	bw := bufio.NewWriter(conn)
	defer finishInto(&err, bw)
	for _, m := range msgs {
		if _, err := bw.WriteString(m); err != nil {
			return err
		}
	}
	return nil // LABEL: ok unflushed
}

// sendWithDeferredClosure flushes in a deferred closure that sets the result.
func sendWithDeferredClosure(conn net.Conn, msgs []string) (err error) {
	bw := bufio.NewWriter(conn)
	defer func() {
		if ferr := bw.Flush(); ferr != nil && err == nil {
			err = ferr
		}
	}()
	for _, m := range msgs {
		if _, err := bw.WriteString(m); err != nil {
			return err
		}
	}
	return nil // LABEL: ok unflushed
}

// Sink is implemented elsewhere; it takes ownership of the writer.
type Sink interface {
	Adopt(w *bufio.Writer)
}

// adoptInto passes the writer to an interface method: ownership moves.
func adoptInto(s Sink, conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("HELLO\r\n"); err != nil {
		return err
	}
	s.Adopt(bw)
	return nil // LABEL: ok unflushed
}

// wrapped returns a user type that owns the writer.
type frameWriter struct {
	bw *bufio.Writer
	c  io.Closer
}

func (fw *frameWriter) Close() error {
	if err := fw.bw.Flush(); err != nil {
		fw.c.Close()
		return err
	}
	return fw.c.Close()
}

func openFrames(conn net.Conn) (io.Closer, error) {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write([]byte{0xCA, 0xFE}); err != nil {
		return nil, err
	}
	return &frameWriter{bw: bw, c: conn}, nil // LABEL: ok unflushed
}

// perIteration flushes inside the loop before every exit.
func perIteration(conn net.Conn, reqs <-chan string) error {
	bw := bufio.NewWriter(conn)
	for r := range reqs {
		if _, err := bw.WriteString(r + "\r\n"); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		if r == "QUIT" {
			return nil // LABEL: ok unflushed
		}
	}
	return nil
}
