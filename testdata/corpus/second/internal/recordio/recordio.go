// Package recordio writes length-prefixed records followed by a trailer
// that carries the record count. A stream without the trailer is rejected
// by readers as truncated.
package recordio

import (
	"bufio"
	"encoding/binary"
	"io"
)

const trailerMark = 0xffffffff

// Writer writes records to an underlying writer through a buffer.
type Writer struct {
	bw    *bufio.Writer
	count uint32
}

// NewWriter returns a Writer on w. Close must be called to write the
// trailer and flush the buffer.
func NewWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriter(w)}
}

// WriteRecord buffers one record.
func (w *Writer) WriteRecord(p []byte) error {
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(p)))
	if _, err := w.bw.Write(hdr[:]); err != nil {
		return err
	}
	if _, err := w.bw.Write(p); err != nil {
		return err
	}
	w.count++
	return nil
}

// Close writes the trailer and flushes.
func (w *Writer) Close() error {
	var t [8]byte
	binary.BigEndian.PutUint32(t[:4], trailerMark)
	binary.BigEndian.PutUint32(t[4:], w.count)
	if _, err := w.bw.Write(t[:]); err != nil {
		return err
	}
	return w.bw.Flush()
}
