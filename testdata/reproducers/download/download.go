// Package download serves a large file with its Content-Length: the
// shape of the HTTP/1 bug in flushcheck's SPEC (200 OK, a Content-Length
// of the whole file, a fraction of the body).
package download

import (
	"net/http"
	"strconv"
)

// HandlerBad ignores the result of the final flush: when the client is
// slow and the server's WriteTimeout passes, the handler returns as if
// the file had been sent.
func HandlerBad(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)                         // the client going away is not news
		http.NewResponseController(w).Flush() // want discard `ResponseController\).Flush`
	}
}

// HandlerFixed aborts the response when the final flush fails.
func HandlerFixed(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
		if err := http.NewResponseController(w).Flush(); err != nil {
			panic(http.ErrAbortHandler)
		}
	}
}
