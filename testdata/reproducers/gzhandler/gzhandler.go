// Package gzhandler serves a large body gzip-compressed.
package gzhandler

import (
	"compress/gzip"
	"net/http"
)

// HandlerBad never closes the gzip writer: the final block and the
// footer are never written, and the chunked response ends cleanly.
func HandlerBad(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		gz.Write(body) // want unflushed
	}
}

// HandlerFixed closes the gzip writer and aborts the response if that
// fails.
func HandlerFixed(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		gz.Write(body)
		if err := gz.Close(); err != nil {
			panic(http.ErrAbortHandler)
		}
	}
}
