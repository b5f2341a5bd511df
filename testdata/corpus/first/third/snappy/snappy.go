// Package snappy is a local stand-in for a third-party framing writer
// (shaped like github.com/golang/snappy's buffered Writer).
package snappy

import (
	"bufio"
	"io"
)

// Writer buffers framed blocks over an io.Writer.
type Writer struct {
	bw *bufio.Writer
}

// NewBufferedWriter returns a Writer that must be flushed or closed.
func NewBufferedWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriterSize(w, 64<<10)}
}

// Write buffers p as one block.
func (w *Writer) Write(p []byte) (int, error) {
	return w.bw.Write(p)
}

// Flush writes all buffered blocks.
func (w *Writer) Flush() error {
	return w.bw.Flush()
}

// Close flushes; the destination is not closed.
func (w *Writer) Close() error {
	return w.bw.Flush()
}
