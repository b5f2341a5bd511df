package unflushed

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"
)

// appHandler is a handler that reports failures to its adapter instead of
// swallowing them.
type appHandler func(http.ResponseWriter, *http.Request) error

func (h appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := h(w, r); err != nil {
		log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	}
}

type report struct {
	Total int
	Lines []string
}

func loadReport(r *http.Request) (*report, error) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		return nil, err
	}
	rep := &report{Total: n}
	for i := range n {
		rep.Lines = append(rep.Lines, fmt.Sprintf("line %d", i))
	}
	return rep, nil
}

// serveReport compresses the response; the summary branch returns without
// closing the gzip writer, so the client gets no footer (and likely no
// body at all).
func serveReport(w http.ResponseWriter, r *http.Request) {
	rep, err := loadReport(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Encoding", "gzip")
	gz := gzip.NewWriter(w)
	fmt.Fprintf(gz, "total: %d\n", rep.Total)
	if r.URL.Query().Get("summary") == "1" {
		return // LABEL: bad unflushed
	}
	for _, l := range rep.Lines {
		fmt.Fprintln(gz, l)
	}
	if err := gz.Close(); err != nil {
		panic(http.ErrAbortHandler)
	}
}

// serveCompressed closes the gzip writer on every path from a deferred
// closure and aborts the response if that fails.
func serveCompressed(w http.ResponseWriter, r *http.Request) {
	rep, err := loadReport(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	gz := gzip.NewWriter(w)
	defer func() {
		if err := gz.Close(); err != nil {
			panic(http.ErrAbortHandler)
		}
	}()
	fmt.Fprintf(gz, "total: %d\n", rep.Total)
	if r.URL.Query().Get("summary") == "1" {
		return // LABEL: ok unflushed
	}
	for _, l := range rep.Lines {
		fmt.Fprintln(gz, l)
	}
}

var exportHeader = []string{"id", "name", "email"}

func loadRows(r *http.Request) ([][]string, error) {
	if r.URL.Query().Has("fail") {
		return nil, fmt.Errorf("backend unavailable")
	}
	return [][]string{{"1", "ada", "ada@example.com"}}, nil
}

// exportCSV flushes the csv writer only when totals are requested.
func exportCSV(w http.ResponseWriter, r *http.Request) error {
	rows, err := loadRows(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv")
	cw := csv.NewWriter(w)
	if err := cw.Write(exportHeader); err != nil {
		return err // LABEL: ok unflushed
	}
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	if r.URL.Query().Has("totals") {
		cw.Write([]string{"total", strconv.Itoa(len(rows)), ""})
		cw.Flush()
		return cw.Error()
	}
	return nil // LABEL: bad unflushed
}

// exportUsers flushes and reads the writer's sticky error.
func exportUsers(w http.ResponseWriter, r *http.Request) error {
	rows, err := loadRows(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv")
	cw := csv.NewWriter(w)
	cw.Write(exportHeader)
	for _, row := range rows {
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error() // LABEL: ok unflushed
}

// serveArchive logs a failed gzip Close and reports success to the
// adapter, which then counts a truncated response as served.
func serveArchive(w http.ResponseWriter, r *http.Request) error {
	rep, err := loadReport(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Encoding", "gzip")
	gz := gzip.NewWriter(w)
	for _, l := range rep.Lines {
		if _, err := io.WriteString(gz, l+"\n"); err != nil {
			return err
		}
	}
	if err := gz.Close(); err != nil {
		log.Printf("archive: close gzip: %v", err)
	}
	return nil // LABEL: bad unflushed
}

// streamSnapshot returns a handler that buffers the snapshot; the "once"
// branch returns with the whole snapshot still in the buffer.
func streamSnapshot(snapshot func() []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		bw := bufio.NewWriterSize(w, 16<<10)
		for _, ev := range snapshot() {
			fmt.Fprintf(bw, "data: %s\n\n", ev)
		}
		if r.URL.Query().Has("once") {
			return // LABEL: bad unflushed
		}
		fmt.Fprintf(bw, "event: end\ndata: %d\n\n", time.Now().Unix())
		if err := bw.Flush(); err != nil {
			panic(http.ErrAbortHandler)
		}
	}
}

// rejectUpgrade answers on the hijacked connection and hangs up; the
// status line is still in the hijacked buffer.
func rejectUpgrade(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	brw.WriteString("HTTP/1.1 426 Upgrade Required\r\nUpgrade: echo/1\r\nConnection: close\r\n\r\n")
	conn.Close() // LABEL: bad unflushed
}

// connectTunnel implements CONNECT. When the upstream dial fails the 502
// is buffered and the client connection is closed under it.
func connectTunnel(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "hijacking not supported", http.StatusInternalServerError)
		return
	}
	upstream, err := net.DialTimeout("tcp", r.Host, 10*time.Second)
	if err != nil {
		brw.WriteString("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n")
		conn.Close() // LABEL: bad unflushed
		return
	}
	brw.WriteString("HTTP/1.1 200 Connection Established\r\n\r\n")
	go func() {
		if err := relay(conn, upstream, brw); err != nil {
			log.Printf("tunnel %s: %v", r.Host, err)
		}
	}()
}

// relay flushes the pending response, then copies in both directions.
func relay(client, upstream net.Conn, brw *bufio.ReadWriter) error {
	defer client.Close()
	defer upstream.Close()
	if err := brw.Flush(); err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() {
		_, err := io.Copy(upstream, brw)
		errc <- err
	}()
	if _, err := io.Copy(client, upstream); err != nil {
		return err
	}
	return <-errc
}

// upgradeEcho switches to a line echo protocol on the hijacked connection.
func upgradeEcho(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "hijacking not supported", http.StatusInternalServerError)
		return
	}
	go func() {
		if err := serveEcho(conn, brw); err != nil {
			log.Printf("echo: %v", err)
		}
	}()
}

// serveEcho flushes after every reply, so the clean end of input leaves
// nothing buffered.
func serveEcho(conn net.Conn, brw *bufio.ReadWriter) error {
	defer conn.Close()
	if _, err := brw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo/1\r\nConnection: Upgrade\r\n\r\n"); err != nil {
		return err
	}
	if err := brw.Flush(); err != nil {
		return err
	}
	for {
		line, err := brw.ReadString('\n')
		if err == io.EOF {
			return nil // LABEL: ok unflushed
		}
		if err != nil {
			return err
		}
		if _, err := brw.WriteString(line); err != nil {
			return err
		}
		if err := brw.Flush(); err != nil {
			return err
		}
	}
}
