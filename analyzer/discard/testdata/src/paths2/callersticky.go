package paths2

import (
	"bufio"
	"compress/zlib"
	"io"
	"os"
)

// pngEncoder is image/png's shape: writeImage's deferred Close writes
// the zlib footer into w, and its only caller passes a bufio.Writer
// whose Flush it checks right after: a failed footer write resurfaces
// there.
type pngEncoder struct {
	bw *bufio.Writer
	zw *zlib.Writer
}

func (e *pngEncoder) writeImage(w io.Writer, p []byte, level int) error {
	if e.zw == nil {
		zw, err := zlib.NewWriterLevel(w, level)
		if err != nil {
			return err
		}
		e.zw = zw
	} else {
		e.zw.Reset(w)
	}
	defer e.zw.Close() // ok: the caller's bufio.Writer keeps the error and its Flush is checked
	_, err := e.zw.Write(p)
	return err
}

func (e *pngEncoder) writeIDATs(f *os.File, p []byte) error {
	e.bw = bufio.NewWriter(f)
	if err := e.writeImage(e.bw, p, zlib.BestSpeed); err != nil {
		return err
	}
	return e.bw.Flush()
}

// lossyEncoder's caller passes a bufio.Writer too, but returns without
// checking it again: the footer's error is lost.
type lossyEncoder struct {
	zw *zlib.Writer
}

func (e *lossyEncoder) writeImage(w io.Writer, p []byte) error {
	e.zw = zlib.NewWriter(w)
	defer e.zw.Close() // want `error from \(\*zlib.Writer\).Close on e.zw is discarded in a deferred call`
	_, err := e.zw.Write(p)
	return err
}

func (e *lossyEncoder) encode(f *os.File, p []byte) error {
	bw := bufio.NewWriter(f)
	err := e.writeImage(bw, p)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush`
	return err
}

// fileEncoder's caller passes the file itself, which keeps no error.
type fileEncoder struct {
	zw *zlib.Writer
}

func (e *fileEncoder) writeImage(w io.Writer, p []byte) error {
	e.zw = zlib.NewWriter(w)
	defer e.zw.Close() // want `error from \(\*zlib.Writer\).Close on e.zw is discarded in a deferred call`
	_, err := e.zw.Write(p)
	return err
}

func (e *fileEncoder) encode(f *os.File, p []byte) error {
	if err := e.writeImage(f, p); err != nil {
		return err
	}
	return f.Sync()
}
