package unflushed

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"text/tabwriter"
)

// gzipResponseWriter sends the body through a gzip.Writer.
type gzipResponseWriter struct {
	http.ResponseWriter
	zw io.Writer
}

func (g gzipResponseWriter) Write(p []byte) (int, error) { return g.zw.Write(p) }

// gzipMiddleware never closes the gzip writer: every response lacks its footer.
func gzipMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		next.ServeHTTP(gzipResponseWriter{ResponseWriter: w, zw: gz}, r)
	}) // LABEL: bad unflushed
}

// jsonGzipHandler encodes into a gzip writer and never closes it.
func jsonGzipHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Encoding", "gzip")
	gz := gzip.NewWriter(w)
	if _, err := gz.Write([]byte(`{"items":[1,2,3]}`)); err != nil {
		log.Printf("write: %v", err)
	}
} // LABEL: bad unflushed

// csvExportHandler writes records into a csv.Writer and never flushes.
func csvExportHandler(rows [][]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv")
		cw := csv.NewWriter(w)
		for _, row := range rows {
			if err := cw.Write(row); err != nil {
				log.Printf("csv: %v", err)
				break
			}
		}
	} // LABEL: bad unflushed
}

// tableHandler aligns columns with a tabwriter and never flushes it.
func tableHandler(w http.ResponseWriter, r *http.Request) {
	tw := tabwriter.NewWriter(w, 0, 8, 1, ' ', 0)
	if _, err := fmt.Fprint(tw, "NAME\tSIZE\na.txt\t12\n"); err != nil {
		log.Printf("table: %v", err)
	}
} // LABEL: bad unflushed

// zipDownload streams an archive and never writes its central directory.
func zipDownload(files map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/zip")
		zw := zip.NewWriter(w)
		for name, body := range files {
			fw, err := zw.Create(name)
			if err != nil {
				log.Printf("zip entry %s: %v", name, err)
				break
			}
			if _, err := io.WriteString(fw, body); err != nil {
				log.Printf("zip entry %s: %v", name, err)
				break
			}
		}
	} // LABEL: bad unflushed
}

// bufferedHandler buffers the response body and never flushes it.
func bufferedHandler(w http.ResponseWriter, r *http.Request) {
	bw := bufio.NewWriterSize(w, 8<<10)
	for i := 0; i < 10; i++ {
		if _, err := fmt.Fprintf(bw, "line %d\n", i); err != nil {
			break
		}
	}
} // LABEL: bad unflushed

// hijackGreeting writes into the hijacked buffer and closes the connection.
func hijackGreeting(w http.ResponseWriter, r *http.Request) {
	conn, bufrw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if _, err := bufrw.WriteString("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello\n"); err != nil {
		log.Printf("hijacked write: %v", err)
	}
	conn.Close() // LABEL: bad unflushed
}

// hijackReturn writes into the hijacked buffer and hands the connection to a pool without flushing.
func hijackReturn(register func(io.ReadWriteCloser)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		hj, ok := w.(http.Hijacker)
		if !ok {
			return
		}
		conn, bufrw, err := hj.Hijack()
		if err != nil {
			return
		}
		if _, err := bufrw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: raw\r\n\r\n"); err != nil {
			log.Printf("hijacked write: %v", err)
		}
		register(conn)
	} // LABEL: bad unflushed
}

// jsonIntoBuffered encodes through a json.Encoder into a bufio.Writer and never flushes.
func jsonIntoBuffered(w http.ResponseWriter, r *http.Request) {
	bw := bufio.NewWriter(w)
	if err := json.NewEncoder(bw).Encode(map[string]int{"ok": 1}); err != nil {
		log.Printf("encode: %v", err)
	}
} // LABEL: bad unflushed

// ---- near-misses ----

// gzipMiddlewareOK closes the writer and aborts the response if the footer failed.
func gzipMiddlewareOK(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		defer func() {
			if err := gz.Close(); err != nil {
				panic(http.ErrAbortHandler)
			}
		}()
		next.ServeHTTP(gzipResponseWriter{ResponseWriter: w, zw: gz}, r)
	}) // LABEL: ok unflushed
}

// csvExportOK flushes and aborts on error.
func csvExportOK(rows [][]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		cw := csv.NewWriter(w)
		for _, row := range rows {
			if err := cw.Write(row); err != nil {
				panic(http.ErrAbortHandler) // LABEL: ok unflushed
			}
		}
		cw.Flush()
		if cw.Error() != nil {
			panic(http.ErrAbortHandler)
		}
	} // LABEL: ok unflushed
}

// tableHandlerOK flushes the tabwriter.
func tableHandlerOK(w http.ResponseWriter, r *http.Request) {
	tw := tabwriter.NewWriter(w, 0, 8, 1, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSIZE")
	fmt.Fprintln(tw, "a.txt\t12")
	if err := tw.Flush(); err != nil {
		panic(http.ErrAbortHandler)
	}
} // LABEL: ok unflushed

// hijackGreetingOK flushes before closing.
func hijackGreetingOK(w http.ResponseWriter, r *http.Request) {
	conn, bufrw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	if _, err := bufrw.WriteString("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello\n"); err != nil {
		return
	}
	if err := bufrw.Flush(); err != nil {
		panic(http.ErrAbortHandler)
	}
} // LABEL: ok unflushed

// hijackDrain reads from the hijacked connection only and closes it.
func hijackDrain(w http.ResponseWriter, r *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return
	}
	conn, bufrw, err := hj.Hijack()
	if err != nil {
		return
	}
	line, _ := bufrw.ReadString('\n')
	log.Printf("peer said %q", line)
	conn.Close() // LABEL: ok unflushed
}

// bufferedHandlerOK flushes the buffered response.
func bufferedHandlerOK(w http.ResponseWriter, r *http.Request) {
	bw := bufio.NewWriterSize(w, 8<<10)
	for i := 0; i < 10; i++ {
		fmt.Fprintf(bw, "line %d\n", i)
	}
	if err := bw.Flush(); err != nil {
		panic(http.ErrAbortHandler)
	}
} // LABEL: ok unflushed

// headOnly creates the gzip writer only on the GET path: HEAD writes nothing.
func headOnly(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Encoding", "gzip")
	if r.Method == http.MethodHead {
		return // LABEL: ok unflushed
	}
	gz := gzip.NewWriter(w)
	io.WriteString(gz, "payload")
	if err := gz.Close(); err != nil {
		panic(http.ErrAbortHandler)
	}
}
