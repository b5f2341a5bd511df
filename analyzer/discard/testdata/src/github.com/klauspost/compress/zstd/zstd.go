// Package zstd is a stub of the third-party package's writer API.
package zstd

import "io"

type EOption func()

type Encoder struct{ w io.Writer }

func NewWriter(w io.Writer, opts ...EOption) (*Encoder, error) { return &Encoder{w: w}, nil }

func (e *Encoder) Write(p []byte) (int, error) { return e.w.Write(p) }
func (e *Encoder) Flush() error                { _, err := e.w.Write(nil); return err } // the pending block
func (e *Encoder) Close() error                { _, err := e.w.Write(nil); return err } // the frame's end
