// Package lz is a stand-in for a third-party block compressor with a
// streaming writer. The end-of-stream marker is written by Close.
package lz

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
)

var errClosed = errors.New("lz: write after close")

// Writer frames blocks onto an underlying writer.
type Writer struct {
	bw     *bufio.Writer
	closed bool
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriterSize(w, 64<<10)}
}

// Write writes p as one block.
func (w *Writer) Write(p []byte) (int, error) {
	if w.closed {
		return 0, errClosed
	}
	var hdr [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(hdr[:], uint64(len(p)))
	if _, err := w.bw.Write(hdr[:n]); err != nil {
		return 0, err
	}
	return w.bw.Write(p)
}

// Flush writes buffered blocks to the underlying writer.
func (w *Writer) Flush() error {
	return w.bw.Flush()
}

// Close writes the end-of-stream marker and flushes.
func (w *Writer) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	if err := w.bw.WriteByte(0); err != nil {
		return err
	}
	return w.bw.Flush()
}
