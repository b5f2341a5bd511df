// Package zstd is a local stand-in for a third-party streaming compressor
// (shaped like github.com/klauspost/compress/zstd). Its Encoder buffers
// in memory and writes the frame and its trailer to the destination on
// Flush and Close: an Encoder that is not closed loses its tail.
package zstd

import (
	"bytes"
	"io"
)

// Encoder is a buffering, finalizing writer built from an io.Writer.
type Encoder struct {
	w   io.Writer
	buf bytes.Buffer
	err error
}

// NewWriter returns an Encoder writing to w.
func NewWriter(w io.Writer) (*Encoder, error) {
	return &Encoder{w: w}, nil
}

// Write buffers p.
func (e *Encoder) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	return e.buf.Write(p)
}

// Flush writes the buffered block to the destination.
func (e *Encoder) Flush() error {
	if e.err != nil {
		return e.err
	}
	_, e.err = e.w.Write(e.buf.Bytes())
	e.buf.Reset()
	return e.err
}

// Close flushes and writes the frame trailer.
func (e *Encoder) Close() error {
	if err := e.Flush(); err != nil {
		return err
	}
	_, e.err = e.w.Write([]byte{0x28, 0xb5, 0x2f, 0xfd})
	return e.err
}

// Reset discards state and starts writing to w.
func (e *Encoder) Reset(w io.Writer) {
	e.w = w
	e.buf.Reset()
	e.err = nil
}
