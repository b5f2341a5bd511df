package discard

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"time"
)

// proxyHandler forwards the upstream body; a broken upstream read or a
// client write failure truncates the body and nobody hears about it.
func proxyHandler(upstream string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get(upstream + r.URL.Path)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body) // LABEL: bad discard
	}
}

// streamFromBackend copies from a backend connection into the response.
func streamFromBackend(w http.ResponseWriter, backend net.Conn) {
	w.Header().Set("Content-Type", "application/octet-stream")
	n, _ := io.Copy(w, backend) // LABEL: bad discard
	log.Printf("streamed %d bytes", n)
}

// sseHandler pushes events and ignores the ResponseController flush.
func sseHandler(events <-chan string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		w.Header().Set("Content-Type", "text/event-stream")
		for ev := range events {
			fmt.Fprintf(w, "data: %s\n\n", ev)
			rc.Flush() // LABEL: bad discard
		}
	}
}

// progressHandler flushes through the controller with a blank assignment.
func progressHandler(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	for i := 0; i <= 100; i += 10 {
		fmt.Fprintf(w, "%d%%\n", i)
		_ = rc.Flush() // LABEL: bad discard
		time.Sleep(10 * time.Millisecond)
	}
}

// hijackUpgrade answers a protocol upgrade on the hijacked connection and drops the flush.
func hijackUpgrade(w http.ResponseWriter, r *http.Request) {
	conn, bufrw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "hijack unsupported", http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	bufrw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: tcp\r\nConnection: Upgrade\r\n\r\n")
	bufrw.Flush() // LABEL: bad discard
	serveRaw(conn)
}

func serveRaw(conn net.Conn) {
	buf := make([]byte, 512)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		if _, err := conn.Write(buf[:n]); err != nil {
			return
		}
	}
}

// hijackReply writes straight to the hijacked connection and ignores it.
func hijackReply(w http.ResponseWriter, r *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "no hijack", http.StatusInternalServerError)
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) // LABEL: bad discard
}

// tunnel is a CONNECT proxy; each direction's copy result is lost.
func tunnel(client, server net.Conn) {
	done := make(chan struct{}, 2)
	go func() {
		io.Copy(server, client) // LABEL: bad discard
		done <- struct{}{}
	}()
	go func() {
		io.Copy(client, server) // LABEL: bad discard
		done <- struct{}{}
	}()
	<-done
	client.Close()
	server.Close()
	<-done
}

// uploadHandler stores the request body and answers 201 without looking at the copy.
func uploadHandler(store func(string) (io.WriteCloser, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		dst, err := store(r.URL.Path)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		io.Copy(dst, r.Body) // LABEL: bad discard
		if err := dst.Close(); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}
}

// ---- near-misses ----

// helloHandler writes to the ResponseWriter: nothing to report to anyway.
func helloHandler(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("hello\n")) // LABEL: ok discard
}

// statusHandler formats into the ResponseWriter.
func statusHandler(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "uptime %s\n", time.Since(startTime)) // LABEL: ok discard
}

var startTime = time.Now()

// versionHandler uses io.WriteString on the ResponseWriter.
func versionHandler(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "v1.2.3\n") // LABEL: ok discard
}

// textHandler copies from an in-memory reader into the ResponseWriter.
func textHandler(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		io.Copy(w, strings.NewReader(body)) // LABEL: ok discard
	}
}

// blobHandler copies a byte slice into the ResponseWriter.
func blobHandler(w http.ResponseWriter, r *http.Request) {
	payload := []byte("\x89PNG...")
	w.Header().Set("Content-Type", "image/png")
	io.Copy(w, bytes.NewReader(payload)) // LABEL: ok discard
}

// legacyFlush uses http.Flusher, whose Flush has no result.
func legacyFlush(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "tick")
	if f, ok := w.(http.Flusher); ok {
		f.Flush() // LABEL: ok discard
	}
}

// checkedFlush keeps the ResponseController flush error and stops on it.
func checkedFlush(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	for i := 0; i < 3; i++ {
		fmt.Fprintf(w, "chunk %d\n", i)
		if err := rc.Flush(); err != nil { // LABEL: ok discard
			log.Printf("client went away: %v", err)
			return
		}
	}
}

// decodeHandler closes the request body, a reader.
func decodeHandler(w http.ResponseWriter, r *http.Request) {
	defer r.Body.Close() // LABEL: ok discard
	var v map[string]any
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// fetchStatus drains and closes a client response body.
func fetchStatus(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body) // LABEL: ok discard
	resp.Body.Close()
	return resp.StatusCode, nil
}

// fetchBody closes the response body with a bare expression.
func fetchBody(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close() // LABEL: ok discard
	return b, err
}

// checkedProxy reports the copy failure by aborting the response.
func checkedProxy(w http.ResponseWriter, resp *http.Response) {
	defer resp.Body.Close()
	if _, err := io.Copy(w, resp.Body); err != nil { // LABEL: ok discard
		panic(http.ErrAbortHandler)
	}
}
