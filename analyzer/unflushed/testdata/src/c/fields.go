package c

import (
	"compress/gzip"
	"io"
	"net/http"
)

// --- the writer in a struct literal passed to a call ---

type gzipWriter struct {
	http.ResponseWriter
	zw io.Writer
}

func (g gzipWriter) Write(p []byte) (int, error) { return g.zw.Write(p) }

func gzipMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gz := gzip.NewWriter(w)
		next.ServeHTTP(gzipWriter{ResponseWriter: w, zw: gz}, r)
	}) // want `gzip.Writer "gz" is not closed before the function ends`
}

type closingWriter struct {
	http.ResponseWriter
	zw io.WriteCloser
}

func (g closingWriter) Write(p []byte) (int, error) { return g.zw.Write(p) }

func gzipMiddlewareCloser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gz := gzip.NewWriter(w)
		next.ServeHTTP(closingWriter{ResponseWriter: w, zw: gz}, r)
	}) // ok: the field is an io.WriteCloser, through which the callee may close gz
}

func wrapReturned(w io.Writer) gzipWriter {
	gz := gzip.NewWriter(w)
	gz.Write([]byte("x"))
	return gzipWriter{zw: gz} // ok: the struct goes on, and a method of it may finish gz
}
