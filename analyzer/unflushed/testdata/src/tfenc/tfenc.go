// Package tfenc declares wrapper types whose method bodies say whether
// they must be finished, for facts learned in one package and used in
// another.
package tfenc

import (
	"bufio"
	"io"
)

// Encoder writes every field through at once; Close only resets a flag.
type Encoder struct {
	w       io.Writer
	started bool
}

func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: w} }

func (e *Encoder) WriteField(s string) error {
	e.started = true
	_, err := io.WriteString(e.w, s)
	return err
}

func (e *Encoder) Close() error {
	e.started = false
	return nil
}

// Framer's Close writes the end of the frame.
type Framer struct{ w io.Writer }

func NewFramer(w io.Writer) *Framer { return &Framer{w: w} }

func (f *Framer) WriteField(s string) error {
	_, err := io.WriteString(f.w, s)
	return err
}

func (f *Framer) Close() error {
	_, err := f.w.Write([]byte{0})
	return err
}

// XEncoder has no Close; Encode ends with its own Flush, EncodeToken
// does not (webdav/internal/xml).
type XEncoder struct{ p printer }

type printer struct{ *bufio.Writer }

func NewXEncoder(w io.Writer) *XEncoder { return &XEncoder{printer{bufio.NewWriter(w)}} }

func (e *XEncoder) Flush() error { return e.p.Flush() }

func (e *XEncoder) Encode(s string) error {
	if _, err := e.p.WriteString(s); err != nil {
		return err
	}
	return e.p.Flush()
}

func (e *XEncoder) EncodeToken(s string) error {
	_, err := e.p.WriteString(s)
	return err
}
