// Package wire holds user types, in a package of their own, whose Flush
// and Close commit data: callers in other packages discard or skip them.
package wire

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"io"
)

// Encoder writes length-prefixed frames through a buffer.
type Encoder struct {
	bw *bufio.Writer
}

// NewEncoder returns an Encoder over w. Frames reach w only on Flush.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{bw: bufio.NewWriter(w)}
}

// WriteFrame buffers one frame.
func (e *Encoder) WriteFrame(typ byte, payload []byte) error {
	var hdr [5]byte
	hdr[0] = typ
	binary.BigEndian.PutUint32(hdr[1:], uint32(len(payload)))
	if _, err := e.bw.Write(hdr[:]); err != nil {
		return err
	}
	_, err := e.bw.Write(payload)
	return err
}

// Flush writes the buffered frames.
func (e *Encoder) Flush() error {
	return e.bw.Flush()
}

// GzipSink compresses into a buffered destination.
type GzipSink struct {
	bw *bufio.Writer
	gz *gzip.Writer
}

// NewGzipSink returns a sink over w; Close writes the gzip footer and flushes.
func NewGzipSink(w io.Writer) *GzipSink {
	bw := bufio.NewWriter(w)
	return &GzipSink{bw: bw, gz: gzip.NewWriter(bw)}
}

// Write compresses p.
func (s *GzipSink) Write(p []byte) (int, error) {
	return s.gz.Write(p)
}

// Close finishes the gzip stream and flushes the buffer.
func (s *GzipSink) Close() error {
	if err := s.gz.Close(); err != nil {
		return err
	}
	return s.bw.Flush()
}

// Finish flushes and finalizes the writer handed to it.
func Finish(bw *bufio.Writer) error {
	return bw.Flush()
}
