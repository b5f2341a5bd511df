// Package snappy is a local stand-in for a third-party snappy framing
// writer. The buffered writer holds up to one chunk; Flush writes it and
// Close flushes and ends the stream.
package snappy

import (
	"encoding/binary"
	"errors"
	"io"
)

const maxChunk = 64 << 10

var streamID = []byte{0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y'}

var errClosed = errors.New("snappy: Writer is closed")

// Writer is an io.Writer that frames and buffers what is written to it.
type Writer struct {
	w           io.Writer
	buf         []byte
	wroteStream bool
	err         error
}

// NewBufferedWriter returns a Writer that buffers up to one chunk before
// writing it to w. Callers must Flush or Close it.
func NewBufferedWriter(w io.Writer) *Writer {
	return &Writer{w: w, buf: make([]byte, 0, maxChunk)}
}

// Write buffers p, writing full chunks as they fill.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n := 0
	for len(p) > 0 {
		k := min(maxChunk-len(w.buf), len(p))
		w.buf = append(w.buf, p[:k]...)
		p = p[k:]
		n += k
		if len(w.buf) == maxChunk {
			if err := w.Flush(); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// Flush writes the buffered chunk.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if len(w.buf) == 0 {
		return nil
	}
	if !w.wroteStream {
		if _, err := w.w.Write(streamID); err != nil {
			w.err = err
			return err
		}
		w.wroteStream = true
	}
	var hdr [4]byte
	binary.LittleEndian.PutUint32(hdr[:], uint32(len(w.buf))<<8|0x01)
	if _, err := w.w.Write(hdr[:]); err != nil {
		w.err = err
		return err
	}
	if _, err := w.w.Write(w.buf); err != nil {
		w.err = err
		return err
	}
	w.buf = w.buf[:0]
	return nil
}

// Close flushes the Writer; later writes fail.
func (w *Writer) Close() error {
	if err := w.Flush(); err != nil {
		return err
	}
	w.err = errClosed
	return nil
}

// Reset discards buffered data and the error and targets w.
func (w *Writer) Reset(dst io.Writer) {
	w.w = dst
	w.buf = w.buf[:0]
	w.wroteStream = false
	w.err = nil
}
