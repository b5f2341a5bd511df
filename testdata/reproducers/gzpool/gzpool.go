// Package gzpool compresses responses with gzip writers kept in a
// sync.Pool, as busy servers do to spare the allocations.
package gzpool

import (
	"compress/gzip"
	"io"
	"sync"
)

// CompressorBad hands its writer back to the pool before closing it.
type CompressorBad struct {
	pool sync.Pool
}

// Compress writes p gzip-compressed to w. The writer goes back to the
// pool with the final block and the footer never written: the next
// Reset discards them.
func (c *CompressorBad) Compress(w io.Writer, p []byte) error {
	zw, _ := c.pool.Get().(*gzip.Writer)
	if zw == nil {
		zw = gzip.NewWriter(w)
	} else {
		zw.Reset(w)
	}
	if _, err := zw.Write(p); err != nil {
		return err
	}
	c.pool.Put(zw) // want closeorder
	return nil
}

// CompressorFixed closes its writer, then hands it back.
type CompressorFixed struct {
	pool sync.Pool
}

// Compress writes p gzip-compressed to w.
func (c *CompressorFixed) Compress(w io.Writer, p []byte) error {
	zw, _ := c.pool.Get().(*gzip.Writer)
	if zw == nil {
		zw = gzip.NewWriter(w)
	} else {
		zw.Reset(w)
	}
	if _, err := zw.Write(p); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	c.pool.Put(zw)
	return nil
}
