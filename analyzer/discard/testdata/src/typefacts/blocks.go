package typefacts

import (
	"compress/lzw"
	"io"
)

// image/gif's encoder: every write error is kept in e.err, which Encode
// returns; blockWriter's Write starts with a loop whose every iteration
// first checks that field (through WriteByte).
type gifEncoder struct {
	w   io.Writer
	err error
	buf [256]byte
}

func (e *gifEncoder) write(p []byte) {
	if e.err != nil {
		return
	}
	_, e.err = e.w.Write(p)
}

type blockWriter struct{ e *gifEncoder }

func (b blockWriter) Flush() error { return b.e.err }

func (b blockWriter) WriteByte(c byte) error {
	if b.e.err != nil {
		return b.e.err
	}
	b.e.buf[0]++
	b.e.buf[b.e.buf[0]] = c
	if b.e.buf[0] < 255 {
		return nil
	}
	b.e.write(b.e.buf[:256])
	b.e.buf[0] = 0
	return b.e.err
}

func (b blockWriter) Write(data []byte) (int, error) {
	for i, c := range data {
		if err := b.WriteByte(c); err != nil {
			return i, err
		}
	}
	return len(data), nil
}

func (e *gifEncoder) block(pix []byte) {
	bw := blockWriter{e: e}
	lzww := lzw.NewWriter(bw, lzw.LSB, 8)
	if _, e.err = lzww.Write(pix); e.err != nil {
		lzww.Close()
		return
	}
	lzww.Close() // ok: its error stays in e.err, which encodeGIF returns
}

func encodeGIF(w io.Writer, pix []byte) error {
	e := &gifEncoder{w: w}
	e.block(pix)
	return e.err
}

// The same writer over an encoder whose kept error nobody returns.
type lostEncoder struct {
	w   io.Writer
	err error
	buf [256]byte
}

func (e *lostEncoder) write(p []byte) {
	if e.err != nil {
		return
	}
	_, e.err = e.w.Write(p)
}

type lostBlockWriter struct{ e *lostEncoder }

func (b lostBlockWriter) Flush() error { return b.e.err }

func (b lostBlockWriter) WriteByte(c byte) error {
	if b.e.err != nil {
		return b.e.err
	}
	b.e.buf[0]++
	b.e.buf[b.e.buf[0]] = c
	b.e.write(b.e.buf[:1])
	return b.e.err
}

func (b lostBlockWriter) Write(data []byte) (int, error) {
	for i, c := range data {
		if err := b.WriteByte(c); err != nil {
			return i, err
		}
	}
	return len(data), nil
}

func encodeLost(w io.Writer, pix []byte) error {
	e := &lostEncoder{w: w}
	bw := lostBlockWriter{e: e}
	lzww := lzw.NewWriter(bw, lzw.LSB, 8)
	if _, err := lzww.Write(pix); err != nil {
		return err
	}
	lzww.Close() // want `error from \(io.WriteCloser\).Close on lzww is discarded just before returning; the final lzw codes may not be written`
	return nil
}
