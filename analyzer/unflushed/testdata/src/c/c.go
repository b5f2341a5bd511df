// Package c holds the paths, closures and helpers of the second labelled
// corpus's misses, each beside its near miss.
package c

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
)

// --- a helper that takes the writer as interface{ Flush() error } ---

type flusher interface{ Flush() error }

func flushIt(f flusher) error { return f.Flush() }

func helperOnOnePath(w io.Writer, sync bool) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("sum\n")
	if sync {
		return flushIt(bw)
	}
	return nil // want `bufio.Writer "bw" is not flushed before returning; buffered bytes would be lost`
}

func helperOnEveryPath(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("sum\n")
	return flushIt(bw) // ok: the helper flushes its parameter and the error is returned
}

// --- a closure that only writes, bound to a variable only called ---

type node struct {
	name string
	kids []*node
}

func walkUnflushed(w io.Writer, root *node) error {
	bw := bufio.NewWriter(w)
	var walk func(n *node)
	walk = func(n *node) {
		fmt.Fprintln(bw, n.name)
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(root)
	return nil // want `bufio.Writer "bw" is not flushed before returning`
}

func walkFlushed(w io.Writer, root *node) error {
	bw := bufio.NewWriter(w)
	walk := func(n *node) { fmt.Fprintln(bw, n.name) }
	walk(root)
	return bw.Flush() // ok: the closure's writes are flushed here
}

func walkInGoroutine(w io.Writer, root *node, done chan<- error) error {
	bw := bufio.NewWriter(w)
	walk := func(n *node) {
		fmt.Fprintln(bw, n.name)
		done <- bw.Flush()
	}
	go walk(root)
	return nil // ok: the goroutine finishes bw
}

// --- a deferred closure that notices a failed finish and drops it ---

func deferredLogged(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	defer func() {
		if err := bw.Flush(); err != nil {
			log.Printf("%s: %v", path, err)
		}
		f.Close()
	}()
	for _, l := range lines {
		bw.WriteString(l)
	}
	return nil // want `error from \(\*bufio.Writer\).Flush on bw is checked but the function goes on to report success; a failed flush is answered as done`
}

func deferredIntoResult(path string, lines []string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	defer func() {
		if ferr := bw.Flush(); ferr != nil {
			log.Printf("%s: %v", path, ferr)
			err = ferr
		}
		f.Close()
	}()
	for _, l := range lines {
		bw.WriteString(l)
	}
	return nil // ok: the deferred closure puts the failure in the named result
}

// --- a field set on the writer ---

func gzipNamedUnclosed(w io.Writer, p []byte) error {
	zw := gzip.NewWriter(w)
	zw.Name = "data.bin"
	zw.Write(p)
	return nil // want `gzip.Writer "zw" is not closed before returning; the gzip footer would be lost`
}

func gzipNamedClosed(w io.Writer, p []byte) error {
	zw := gzip.NewWriter(w)
	zw.Name = "data.bin" // ok: setting a field does not hand the writer on
	zw.Write(p)
	return zw.Close()
}

// --- the answer to a failure written to the writer, then lost ---

func answerLost(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	up, err := net.Dial("tcp", r.Host)
	if err != nil {
		brw.WriteString("HTTP/1.1 502 Bad Gateway\r\n\r\n")
		conn.Close()
		return // want `bufio.ReadWriter "brw" is not flushed before returning; buffered bytes would be lost`
	}
	defer up.Close()
	brw.WriteString("HTTP/1.1 200 OK\r\n\r\n")
	brw.Flush()
	conn.Close()
}

func failureNotWritten(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	brw.WriteString("HTTP/1.1 200 OK\r\n\r\n")
	up, err := net.Dial("tcp", r.Host)
	if err != nil {
		log.Print(err)
		conn.Close() // ok: the failure is logged; the answer in brw was not written for it
		return
	}
	defer up.Close()
	brw.Flush()
	conn.Close()
}

// --- a writer that escapes on one path only ---

func escapesLater(conn net.Conn, ok bool, out chan<- *bufio.Writer) {
	bw := bufio.NewWriter(conn)
	bw.WriteString("HELLO\r\n")
	if !ok {
		conn.Close() // want `bufio.Writer "bw" is not flushed before conn.Close`
		return
	}
	go func() {
		out <- bw
	}()
}

func escapesFirst(conn net.Conn, out chan<- *bufio.Writer) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("HELLO\r\n")
	out <- bw
	return nil // ok: the receiver owns bw now
}

// --- ctx.Err() where the context is done ---

func pump(ctx context.Context, conn net.Conn, msgs <-chan []byte) error {
	bw := bufio.NewWriter(conn)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err() // ok: Done is closed, so Err is non-nil
		case m, ok := <-msgs:
			if !ok {
				return nil // want `bufio.Writer "bw" is not flushed before returning`
			}
			if _, err := bw.Write(m); err != nil {
				return err
			}
		}
	}
}

func checkedErr(ctx context.Context, conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	if ctx.Err() != nil {
		return ctx.Err() // ok: tested non-nil just above
	}
	return bw.Flush()
}

func uncheckedErr(ctx context.Context, conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(p)
	return ctx.Err() // want `bufio.Writer "bw" is not flushed before returning`
}
