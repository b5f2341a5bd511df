package closeorder

import (
	"bufio"
	"encoding/binary"
	"errors"
	"net"
	"sync"
)

// muxTransport is reduced from a gRPC-style HTTP/2 client transport:
// frames go through a buffered writer over the connection.
type muxTransport struct {
	mu     sync.Mutex
	conn   net.Conn
	bw     *bufio.Writer
	closed bool
}

func newMuxTransport(conn net.Conn) *muxTransport {
	return &muxTransport{conn: conn, bw: bufio.NewWriterSize(conn, 32<<10)}
}

const (
	frameTypeGoAway = 0x7
	codeNoError     = 0x0
)

func (t *muxTransport) writeGoAway(lastStream uint32, code uint32) error {
	var f [9 + 8]byte
	f[2] = 8
	f[3] = frameTypeGoAway
	binary.BigEndian.PutUint32(f[9:], lastStream&0x7fffffff)
	binary.BigEndian.PutUint32(f[13:], code)
	_, err := t.bw.Write(f[:])
	return err
}

// GracefulClose queues the GOAWAY frame and closes the connection before
// flushing it; the flush then fails with net.ErrClosed, which is ignored.
func (t *muxTransport) GracefulClose() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil
	}
	t.closed = true
	t.writeGoAway(0, codeNoError)
	connErr := t.conn.Close() // LABEL: bad closeorder
	if err := t.bw.Flush(); err != nil && !errors.Is(err, net.ErrClosed) {
		return err
	}
	return connErr
}

// Close flushes the GOAWAY frame before closing the connection.
func (t *muxTransport) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil
	}
	t.closed = true
	t.writeGoAway(0, codeNoError)
	ferr := t.bw.Flush()
	cerr := t.conn.Close() // LABEL: ok closeorder
	return errors.Join(ferr, cerr)
}
