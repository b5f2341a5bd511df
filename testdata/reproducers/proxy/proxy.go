// Package proxy is a reverse-proxy handler that streams an upstream
// response to the client.
package proxy

import (
	"io"
	"net/http"
)

// HandlerBad drops the io.Copy error: when the upstream connection
// breaks mid-body, the chunked response to the client ends cleanly and
// short, and both the handler and the client believe it complete.
func HandlerBad(client *http.Client, upstream string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := client.Get(upstream + r.URL.Path)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body) // want discard `io.Copy to w is discarded`
	}
}

// HandlerFixed aborts the response when the copy fails, so the client
// sees a broken response instead of a short one.
func HandlerFixed(client *http.Client, upstream string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := client.Get(upstream + r.URL.Path)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		if _, err := io.Copy(w, resp.Body); err != nil {
			panic(http.ErrAbortHandler)
		}
	}
}
