// Package objstore is a local stand-in for an object-store client's upload
// writer. Data goes to the transport in parts; the object only becomes
// visible when Close sends the commit record. An upload that is never
// closed is discarded by the store.
package objstore

import (
	"context"
	"errors"
	"fmt"
	"io"
)

const defaultChunk = 8 << 20

// Writer uploads one object.
type Writer struct {
	// ContentType is sent with the commit record. Set it before Close.
	ContentType string
	// ChunkSize is the part size; zero means 8 MiB.
	ChunkSize int

	ctx    context.Context
	dst    io.Writer
	key    string
	part   []byte
	parts  int
	size   int64
	closed bool
	err    error
}

// NewWriter starts an upload of key over the transport dst.
func NewWriter(ctx context.Context, dst io.Writer, key string) *Writer {
	return &Writer{ctx: ctx, dst: dst, key: key}
}

// Write buffers p and sends full parts.
func (w *Writer) Write(p []byte) (int, error) {
	if w.closed {
		return 0, errors.New("objstore: write after close")
	}
	if w.err != nil {
		return 0, w.err
	}
	if err := w.ctx.Err(); err != nil {
		return 0, err
	}
	chunk := w.ChunkSize
	if chunk <= 0 {
		chunk = defaultChunk
	}
	w.part = append(w.part, p...)
	for len(w.part) >= chunk {
		if err := w.sendPart(w.part[:chunk]); err != nil {
			return 0, err
		}
		w.part = w.part[chunk:]
	}
	return len(p), nil
}

func (w *Writer) sendPart(p []byte) error {
	w.parts++
	if _, err := fmt.Fprintf(w.dst, "PART %s %d %d\n", w.key, w.parts, len(p)); err != nil {
		w.err = err
		return err
	}
	if _, err := w.dst.Write(p); err != nil {
		w.err = err
		return err
	}
	w.size += int64(len(p))
	return nil
}

// Close sends the last part and commits the object.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	if len(w.part) > 0 {
		if err := w.sendPart(w.part); err != nil {
			return err
		}
		w.part = nil
	}
	_, w.err = fmt.Fprintf(w.dst, "COMMIT %s %d %d %q\n", w.key, w.parts, w.size, w.ContentType)
	return w.err
}

// CloseWithError aborts the upload; nothing becomes visible.
func (w *Writer) CloseWithError(cause error) error {
	if w.closed {
		return w.err
	}
	w.closed = true
	_, err := fmt.Fprintf(w.dst, "ABORT %s %q\n", w.key, cause.Error())
	return err
}
