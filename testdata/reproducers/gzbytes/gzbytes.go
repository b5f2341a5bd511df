// Package gzbytes compresses a message in memory, for a cache or a
// message queue.
package gzbytes

import (
	"bytes"
	"compress/gzip"
)

// CompressBad reads the buffer before the deferred Close has written
// the final block and the footer: the result is a truncated stream.
func CompressBad(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	defer zw.Close()
	if _, err := zw.Write(p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // want closeorder
}

// CompressFixed closes the writer before reading the buffer.
func CompressFixed(p []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(p); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
