// Package hijack serves a large export on a hijacked connection, as
// legacy streaming endpoints do to write their own framing.
package hijack

import (
	"fmt"
	"net/http"
	"time"
)

// HandlerBad checks the final Flush and does nothing about it: the
// handler returns as if the export had been sent.
func HandlerBad(body []byte, timeout time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, rw, err := w.(http.Hijacker).Hijack()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer conn.Close()
		conn.SetWriteDeadline(time.Now().Add(timeout)) // Hijack cleared the server's
		fmt.Fprintf(rw, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n", len(body))
		rw.Write(body)
		if err := rw.Flush(); err != nil { // want discard `checked but nothing is done about it`
		}
	}
}

// HandlerFixed aborts the response when the final Flush fails.
func HandlerFixed(body []byte, timeout time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, rw, err := w.(http.Hijacker).Hijack()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer conn.Close()
		conn.SetWriteDeadline(time.Now().Add(timeout)) // Hijack cleared the server's
		fmt.Fprintf(rw, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n", len(body))
		rw.Write(body)
		if err := rw.Flush(); err != nil {
			panic(http.ErrAbortHandler)
		}
	}
}
