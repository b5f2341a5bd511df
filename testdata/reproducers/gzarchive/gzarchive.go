// Package gzarchive writes a gzip-compressed blob to a file it creates.
package gzarchive

import (
	"compress/gzip"
	"io"
)

// WriteBad registers the Close of the gzip writer before the Close of
// the file: defers run last-in first-out, so the file is closed first
// and the gzip footer goes to a closed file.
func WriteBad(create func() (io.WriteCloser, error), data []byte) error {
	f, err := create()
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	defer gz.Close() // want closeorder discard
	defer f.Close()
	_, err = gz.Write(data)
	return err
}

// WriteFixed closes the gzip writer, then the file, and returns the
// first error.
func WriteFixed(create func() (io.WriteCloser, error), data []byte) error {
	f, err := create()
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	if _, err := gz.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := gz.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
