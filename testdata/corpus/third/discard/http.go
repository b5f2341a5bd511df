package discard

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Hub serves server-sent events and upgraded tail connections.
type Hub struct {
	mu    sync.Mutex
	subs  map[chan string]struct{}
	conns []net.Conn
}

func (h *Hub) subscribe() chan string {
	ch := make(chan string, 16)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs == nil {
		h.subs = make(map[chan string]struct{})
	}
	h.subs[ch] = struct{}{}
	return ch
}

func (h *Hub) unsubscribe(ch chan string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, ch)
}

func (h *Hub) add(conn net.Conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.conns = append(h.conns, conn)
}

// ServeUpgrade switches the connection to the raw tail protocol. The 101
// answer is flushed into nothing and the connection is registered anyway.
func (h *Hub) ServeUpgrade(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if _, err := brw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: tail\r\nConnection: Upgrade\r\n\r\n"); err != nil {
		conn.Close() // LABEL: ok discard
		return
	}
	brw.Flush() // LABEL: bad discard
	h.add(conn)
}

// ServeEvents streams events to the client.
func (h *Hub) ServeEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	ch := h.subscribe()
	defer h.unsubscribe(ch)
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-ch:
			fmt.Fprintf(w, "data: %s\n\n", ev) // LABEL: ok discard
			rc.Flush()                         // LABEL: bad discard
		}
	}
}

// FileServer serves files below Root with an explicit Content-Length. A
// read error halfway leaves the client with a short body and a 200.
type FileServer struct {
	Root string
}

func (s *FileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open(filepath.Join(s.Root, filepath.FromSlash(path.Clean("/"+r.URL.Path))))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close() // LABEL: ok discard
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
	io.Copy(w, f) // LABEL: bad discard
}

// ProxyHandler forwards requests to an upstream server.
type ProxyHandler struct {
	Upstream string
	Client   *http.Client
}

func (p *ProxyHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), r.Method, p.Upstream+r.URL.RequestURI(), r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp, err := p.Client.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close() // LABEL: ok discard
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body) // LABEL: bad discard
}

// Store accepts uploads into a directory.
type Store struct {
	Dir string
}

// HandleAppend appends the request body to an existing file and answers 204.
func (s *Store) HandleAppend(w http.ResponseWriter, r *http.Request) {
	f, err := os.OpenFile(filepath.Join(s.Dir, path.Base(r.URL.Path)), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	f.ReadFrom(r.Body) // LABEL: bad discard
	if err := f.Close(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// HandleHealth answers the load balancer.
func HandleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"status": "ok"}) // LABEL: ok discard
}

// Version is reported by HandleVersion.
var Version = "dev"

// HandleVersion reports the build version.
func HandleVersion(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(Version + "\n")) // LABEL: ok discard
}

const indexHTML = `<!doctype html><title>status</title><p>running</p>`

// HandleIndex serves a static page from memory.
func HandleIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.Copy(w, strings.NewReader(indexHTML)) // LABEL: ok discard
}

// FetchStatus probes url and returns the status code.
func FetchStatus(ctx context.Context, c *http.Client, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()        // LABEL: ok discard
	io.Copy(io.Discard, resp.Body) // LABEL: ok discard
	return resp.StatusCode, nil
}
