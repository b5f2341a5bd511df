package discard

import (
	"bufio"
	"compress/gzip"
	"errors"
	"net"
	"os"

	"heldout/internal/wire"
)

// journal is a user type whose Flush and Close return committing calls' results.
type journal struct {
	f  *os.File
	bw *bufio.Writer
}

func openJournal(path string) (*journal, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	return &journal{f: f, bw: bufio.NewWriter(f)}, nil
}

func (j *journal) Append(rec string) error {
	_, err := j.bw.WriteString(rec + "\n")
	return err
}

func (j *journal) Flush() error {
	return j.bw.Flush()
}

func (j *journal) Close() error {
	if err := j.bw.Flush(); err != nil {
		j.f.Close()
		return err
	}
	return j.f.Close()
}

// commitEntry drops the journal's Flush.
func commitEntry(j *journal, rec string) error {
	if err := j.Append(rec); err != nil {
		return err
	}
	j.Flush() // LABEL: bad discard
	return nil
}

// recordAll defers the journal's Close.
func recordAll(path string, recs []string) error {
	j, err := openJournal(path)
	if err != nil {
		return err
	}
	defer j.Close() // LABEL: bad discard
	for _, r := range recs {
		if err := j.Append(r); err != nil {
			return err
		}
	}
	return nil
}

// sendFrames uses a cross-package encoder and blanks its Flush.
func sendFrames(conn net.Conn, frames [][]byte) error {
	enc := wire.NewEncoder(conn)
	for _, f := range frames {
		if err := enc.WriteFrame(0x01, f); err != nil {
			return err
		}
	}
	_ = enc.Flush() // LABEL: bad discard
	return nil
}

// archiveLog writes through a cross-package gzip sink and defers its Close.
func archiveLog(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	sink := wire.NewGzipSink(f)
	defer sink.Close() // LABEL: bad discard
	for _, l := range lines {
		if _, err := sink.Write([]byte(l + "\n")); err != nil {
			return err
		}
	}
	return nil
}

// finishAndIgnore drops the result of a cross-package helper that flushes.
func finishAndIgnore(conn net.Conn, msg []byte) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(msg); err != nil {
		return err
	}
	wire.Finish(bw) // LABEL: bad discard
	return nil
}

// gzStream is a same-package wrapper whose Close returns the gzip Close.
type gzStream struct {
	conn net.Conn
	gz   *gzip.Writer
}

func (s *gzStream) Close() error {
	return s.gz.Close()
}

// endStream ignores the wrapper's Close.
func endStream(conn net.Conn, payload []byte) error {
	s := &gzStream{conn: conn, gz: gzip.NewWriter(conn)}
	if _, err := s.gz.Write(payload); err != nil {
		return err
	}
	s.Close() // LABEL: bad discard
	return nil
}

// ---- near-misses ----

// commitChecked returns the journal's Flush.
func commitChecked(j *journal, rec string) error {
	if err := j.Append(rec); err != nil {
		return err
	}
	if err := j.Flush(); err != nil { // LABEL: ok discard
		return err
	}
	return nil
}

// recordAllChecked defers Close as a safety net and returns the explicit Close.
func recordAllChecked(path string, recs []string) error {
	j, err := openJournal(path)
	if err != nil {
		return err
	}
	defer j.Close() // LABEL: ok discard
	for _, r := range recs {
		if err := j.Append(r); err != nil {
			return err
		}
	}
	return j.Close()
}

// sendFramesChecked keeps the cross-package Flush through a method value.
func sendFramesChecked(conn net.Conn, frames [][]byte) error {
	enc := wire.NewEncoder(conn)
	flush := enc.Flush
	for _, f := range frames {
		if err := enc.WriteFrame(0x01, f); err != nil {
			return err
		}
	}
	return flush() // LABEL: ok discard
}

// settings is a user type with a Close that releases a read-only file.
type settings struct {
	f *os.File
}

func openSettings(path string) (*settings, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &settings{f: f}, nil
}

func (s *settings) Close() error { return s.f.Close() }

// settingsSize closes a read-only user type.
func settingsSize(path string) (int64, error) {
	s, err := openSettings(path)
	if err != nil {
		return 0, err
	}
	defer s.Close() // LABEL: ok discard
	st, err := s.f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// archiveLogChecked joins the sink's Close into the result.
func archiveLogChecked(path string, lines []string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	sink := wire.NewGzipSink(f)
	defer func() {
		err = errors.Join(err, sink.Close(), f.Close()) // LABEL: ok discard
	}()
	for _, l := range lines {
		if _, err := sink.Write([]byte(l + "\n")); err != nil {
			return err
		}
	}
	return nil
}
