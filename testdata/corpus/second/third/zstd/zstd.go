// Package zstd is a local stand-in for a third-party streaming zstd encoder.
//
// The encoder collects input into blocks and writes each full block to the
// underlying writer. Close writes the last block, marked as last, and the
// frame checksum; a stream that is never closed cannot be decoded.
package zstd

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

// EncoderLevel selects the speed/ratio trade-off.
type EncoderLevel int

// Encoder levels.
const (
	SpeedFastest EncoderLevel = iota + 1
	SpeedDefault
	SpeedBetterCompression
)

// EOption configures an Encoder.
type EOption func(*Encoder) error

// WithEncoderLevel sets the compression level.
func WithEncoderLevel(l EncoderLevel) EOption {
	return func(e *Encoder) error {
		if l < SpeedFastest || l > SpeedBetterCompression {
			return errors.New("zstd: unknown encoder level")
		}
		e.level = l
		return nil
	}
}

// ErrEncoderClosed is returned by writes after Close.
var ErrEncoderClosed = errors.New("zstd: encoder closed")

const blockSize = 128 << 10

// Encoder compresses what is written to it into a frame on an io.Writer.
type Encoder struct {
	w      io.Writer
	level  EncoderLevel
	block  []byte
	crc    uint32
	closed bool
	err    error
}

// NewWriter returns an Encoder that writes one zstd frame to w.
// w may be nil if the encoder is Reset before use.
func NewWriter(w io.Writer, opts ...EOption) (*Encoder, error) {
	e := &Encoder{w: w, level: SpeedDefault}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// Write compresses p.
func (e *Encoder) Write(p []byte) (int, error) {
	if e.closed {
		return 0, ErrEncoderClosed
	}
	if e.err != nil {
		return 0, e.err
	}
	n := 0
	for len(p) > 0 {
		k := min(blockSize-len(e.block), len(p))
		e.block = append(e.block, p[:k]...)
		p = p[k:]
		n += k
		if len(e.block) == blockSize {
			if err := e.emit(false); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

func (e *Encoder) emit(last bool) error {
	var hdr [4]byte
	size := uint32(len(e.block)) << 1
	if last {
		size |= 1
	}
	binary.LittleEndian.PutUint32(hdr[:], size)
	if _, err := e.w.Write(hdr[:]); err != nil {
		e.err = err
		return err
	}
	if _, err := e.w.Write(e.block); err != nil {
		e.err = err
		return err
	}
	e.crc = crc32.Update(e.crc, crc32.IEEETable, e.block)
	e.block = e.block[:0]
	return nil
}

// Flush writes the pending block without ending the frame.
func (e *Encoder) Flush() error {
	if e.closed {
		return ErrEncoderClosed
	}
	if e.err != nil {
		return e.err
	}
	if len(e.block) == 0 {
		return nil
	}
	return e.emit(false)
}

// Close writes the last block and the frame checksum.
func (e *Encoder) Close() error {
	if e.closed {
		return e.err
	}
	e.closed = true
	if e.err != nil {
		return e.err
	}
	if err := e.emit(true); err != nil {
		return err
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], e.crc)
	_, e.err = e.w.Write(sum[:])
	return e.err
}

// Reset discards the encoder state and starts a new frame on w.
func (e *Encoder) Reset(w io.Writer) {
	e.w = w
	e.block = e.block[:0]
	e.crc = 0
	e.closed = false
	e.err = nil
}
