// Package finish holds helpers that complete buffered and finalizing
// writers and report whether they succeeded.
package finish

import (
	"encoding/csv"
	"errors"
	"io"
)

// Flusher is a writer with a buffer to flush.
type Flusher interface {
	Flush() error
}

// Flush flushes f and reports its error.
func Flush(f Flusher) error {
	return f.Flush()
}

// Close closes c and reports its error.
func Close(c io.Closer) error {
	return c.Close()
}

// FlushClose flushes w and then closes dst. The flush error wins.
func FlushClose(w Flusher, dst io.Closer) error {
	ferr := w.Flush()
	cerr := dst.Close()
	if ferr != nil {
		return ferr
	}
	return cerr
}

// CSV flushes cw and returns the first error it recorded.
func CSV(cw *csv.Writer) error {
	cw.Flush()
	return cw.Error()
}

// All flushes every writer in order and joins the errors.
func All[F Flusher](fs ...F) error {
	var errs []error
	for _, f := range fs {
		if err := f.Flush(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Chain closes each closer in order, outermost wrapper first, and joins
// the errors.
func Chain(cs ...io.Closer) error {
	var errs []error
	for _, c := range cs {
		if err := c.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
