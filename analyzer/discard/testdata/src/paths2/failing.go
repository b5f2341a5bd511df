package paths2

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
)

// Writer is a third-party compressor seen through an interface.
type Writer interface {
	Write(p []byte) (int, error)
	Flush() error
	Close() error
}

var newWriter func(w io.Writer) Writer

// CompressFile keeps the first error: errf is dropped only where err is
// already non-nil, and err is returned, wrapped.
func CompressFile(dst *os.File, src io.Reader) error {
	var err error
	zw := newWriter(dst)
	_, err = io.Copy(zw, src)
	if errf := zw.Flush(); err == nil { // ok: dropped only where err is non-nil and returned
		err = errf
	}
	if err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	return nil
}

// compressLogged drops err (and with it errf) after logging it.
func compressLogged(dst *os.File, src io.Reader) error {
	var err error
	zw := newWriter(dst)
	_, err = io.Copy(zw, src)
	if errf := zw.Flush(); err == nil { // want `error from \(paths2.Writer\).Flush on zw is assigned to errf and never read`
		err = errf
	}
	if err != nil {
		log.Print(err)
		return nil
	}
	return nil
}

// appendAll keeps only the last round's error.
func appendAll(f *os.File, recs [][]byte) error {
	var err error
	for _, rec := range recs {
		_, err = f.Write(rec) // want `error from \(\*os.File\).Write on f is assigned to err and overwritten before it is read`
	}
	return err
}

var (
	ErrBadVersion = errors.New("bad version")
	ErrTooLong    = &tooLong{}
	errMaybe      = lookup()
)

type tooLong struct{}

func (*tooLong) Error() string { return "too long" }

func lookup() error { return nil }

func readHandshake(r *bufio.Reader) error { _, err := r.ReadByte(); return err }

// Handshake answers a bad version and returns it.
func Handshake(buf *bufio.ReadWriter) (err error) {
	err = readHandshake(buf.Reader)
	if err == ErrBadVersion {
		buf.Flush() // ok: err equals a sentinel built non-nil, and the bare return returns it
		return
	}
	return err
}

func handshakeSwitch(buf *bufio.ReadWriter) (err error) {
	err = readHandshake(buf.Reader)
	switch err {
	case ErrBadVersion, ErrTooLong:
		buf.Flush() // ok: both sentinels are built non-nil
		return
	}
	return err
}

func handshakeElse(buf *bufio.ReadWriter) (err error) {
	err = readHandshake(buf.Reader)
	if err != ErrTooLong {
		return err
	} else {
		buf.Flush() // ok: err equals ErrTooLong here
	}
	return
}

// handshakeMaybe compares with a sentinel whose value is unknown: it
// may be nil.
func handshakeMaybe(buf *bufio.ReadWriter) (err error) {
	err = readHandshake(buf.Reader)
	if err == errMaybe {
		buf.Flush() // want `error from \(\*bufio.ReadWriter\).Flush on buf is discarded just before returning`
		return
	}
	return err
}

type loop struct {
	bw   *bufio.Writer
	next func() ([]byte, error)
}

// run only ever returns a non-nil error.
func (l *loop) run() (err error) {
	defer func() {
		l.bw.Flush() // ok: every exit of run returns a non-nil error
	}()
	for {
		p, err := l.next()
		if err != nil {
			return err
		}
		if _, err := l.bw.Write(p); err != nil {
			return err
		}
	}
}

func (l *loop) runDeferred() error {
	defer l.bw.Flush() // ok: every exit returns a non-nil error
	for {
		p, err := l.next()
		if err != nil {
			return fmt.Errorf("next: %w", err)
		}
		l.bw.Write(p)
	}
}

// runUntilEOF ends with success at io.EOF.
func (l *loop) runUntilEOF() (err error) {
	defer func() {
		l.bw.Flush() // want `error from \(\*bufio.Writer\).Flush on l.bw is discarded in a deferred call`
	}()
	for {
		p, err := l.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		l.bw.Write(p)
	}
}

// runReset turns the failure into success on the way out.
func (l *loop) runReset() (err error) {
	defer func() {
		l.bw.Flush() // want `error from \(\*bufio.Writer\).Flush on l.bw is discarded in a deferred call`
		err = nil
	}()
	for {
		p, err := l.next()
		if err != nil {
			return err
		}
		l.bw.Write(p)
	}
}

// serveAll leaves the loop on the first bad request and returns its error.
func serveAll(conn net.Conn, reqs []string, parse func(string) error) error {
	var err error
	for _, r := range reqs {
		if err = parse(r); err != nil {
			conn.Write([]byte("400\r\n")) // ok: the loop is left and err is returned
			break
		}
	}
	if err != nil {
		return err
	}
	_, err = conn.Write([]byte("200\r\n"))
	return err
}

// serveSkip goes on with the next request.
func serveSkip(conn net.Conn, reqs []string, parse func(string) error) error {
	for _, r := range reqs {
		if err := parse(r); err != nil {
			conn.Write([]byte("400\r\n")) // want `error from \(net.Conn\).Write on conn is discarded`
			continue
		}
	}
	return nil
}

// pump never returns, but writes again after a lost error.
func pump(conn net.Conn, ch <-chan []byte) {
	for {
		conn.Write(<-ch) // want `error from \(net.Conn\).Write on conn is discarded`
	}
}
