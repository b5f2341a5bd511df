package closeorder

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"encoding/base64"
	"encoding/csv"
	"io"
	"log"
	"net"
	"net/http"
	"os"

	"heldout/third/zstd"
)

// archiveFile registers the file's Close after the gzip Close: the file
// is closed first and the footer is written to a closed file.
func archiveFile(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	defer func() {
		if err := gz.Close(); err != nil {
			log.Printf("gzip close %s: %v", dst, err)
		}
	}()
	defer func() { // LABEL: bad closeorder
		if err := f.Close(); err != nil {
			log.Printf("close %s: %v", dst, err)
		}
	}()
	_, err = gz.Write(data)
	return err
}

// exportZip: "zip writer closed after its file", with close helpers.
func exportZip(dst string, files map[string][]byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	defer logClose("zip", zw)
	defer logClose("file", f) // LABEL: bad closeorder
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(body); err != nil {
			return err
		}
	}
	return nil
}

// backupTar closes the tar writer after its file.
func backupTar(dst string, name string, body []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(f)
	defer logClose("tar", tw)
	defer logClose(dst, f) // LABEL: bad closeorder
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(body))}); err != nil {
		return err
	}
	_, err = tw.Write(body)
	return err
}

// tarGz stacks tar on gzip on a file; the gzip Close is registered after
// the tar Close, so gzip is finished before the tar trailer is written.
func tarGz(dst string, name string, body []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer logClose("file", f)
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	defer logClose("tar", tw)
	defer logClose("gzip", gz) // LABEL: bad closeorder
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(body))}); err != nil {
		return err
	}
	_, err = tw.Write(body)
	return err
}

// serveConn flushes replies in a defer registered before the connection's
// Close: the connection is closed first.
func serveConn(conn net.Conn) {
	bw := bufio.NewWriter(conn)
	defer func() {
		if err := bw.Flush(); err != nil {
			log.Printf("flush: %v", err)
		}
	}()
	defer conn.Close() // LABEL: bad closeorder
	br := bufio.NewReader(conn)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		if _, err := bw.WriteString("echo: " + line); err != nil {
			return
		}
	}
}

// hijackEcho defers the hijacked flush before the connection's Close.
func hijackEcho(w http.ResponseWriter, r *http.Request) {
	conn, bufrw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer func() {
		if err := bufrw.Flush(); err != nil {
			log.Printf("hijack flush: %v", err)
		}
	}()
	defer conn.Close() // LABEL: bad closeorder
	if _, err := bufrw.WriteString("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbye\n"); err != nil {
		log.Printf("hijack write: %v", err)
	}
}

// gzipPipe closes the pipe before the gzip footer: the reader gets EOF early.
func gzipPipe(src io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		gz := gzip.NewWriter(pw)
		defer func() {
			if err := gz.Close(); err != nil {
				log.Printf("gzip close: %v", err)
			}
		}()
		defer pw.Close() // LABEL: bad closeorder
		if _, err := io.Copy(gz, src); err != nil {
			log.Printf("copy: %v", err)
		}
	}()
	return pr
}

// writeBuffered flushes in a defer registered before the file's Close.
func writeBuffered(dst string, lines []string) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	defer func() {
		if err := bw.Flush(); err != nil {
			log.Printf("flush %s: %v", dst, err)
		}
	}()
	defer logClose(dst, f) // LABEL: bad closeorder
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	return nil
}

// exportCSV flushes the csv.Writer in a defer that runs after the file's Close.
func exportCSV(dst string, rows [][]string) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	defer func() {
		cw.Flush()
		if err := cw.Error(); err != nil {
			log.Printf("csv %s: %v", dst, err)
		}
	}()
	defer logClose(dst, f) // LABEL: bad closeorder
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return nil
}

// sendZstd closes the connection before the deferred encoder Close.
func sendZstd(conn net.Conn, data []byte) error {
	enc, err := zstd.NewWriter(conn)
	if err != nil {
		return err
	}
	defer logClose("zstd", enc)
	defer conn.Close() // LABEL: bad closeorder
	_, err = enc.Write(data)
	return err
}

// sendB64Buffered stacks base64 on bufio on a connection; the bufio flush
// runs before the encoder's Close writes its last block into the buffer.
func sendB64Buffered(conn net.Conn, data []byte) error {
	bw := bufio.NewWriter(conn)
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	defer logClose("base64", enc)
	defer func() { // LABEL: bad closeorder
		if err := bw.Flush(); err != nil {
			log.Printf("flush: %v", err)
		}
	}()
	_, err := enc.Write(data)
	return err
}

// ---- near-misses ----

// archiveFileOK registers the file's Close first, so it runs last.
func archiveFileOK(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer logClose(dst, f) // LABEL: ok closeorder
	gz := gzip.NewWriter(f)
	defer logClose("gzip", gz)
	_, err = gz.Write(data)
	return err
}

// tarGzOK registers file, gzip, tar in that order: they run tar, gzip, file.
func tarGzOK(dst string, name string, body []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer logClose("file", f)
	gz := gzip.NewWriter(f)
	defer logClose("gzip", gz) // LABEL: ok closeorder
	tw := tar.NewWriter(gz)
	defer logClose("tar", tw)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(body))}); err != nil {
		return err
	}
	_, err = tw.Write(body)
	return err
}

// serveConnOK closes the connection in the first defer, so the flush runs before it.
func serveConnOK(conn net.Conn) {
	defer conn.Close() // LABEL: ok closeorder
	bw := bufio.NewWriter(conn)
	defer func() {
		if err := bw.Flush(); err != nil {
			log.Printf("flush: %v", err)
		}
	}()
	br := bufio.NewReader(conn)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		if _, err := bw.WriteString("echo: " + line); err != nil {
			return
		}
	}
}

// compressInput closes the read-only source after the gzip defer: the
// source is not the gzip's destination.
func compressInput(src, dst string) error {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer logClose(dst, out)
	gz := gzip.NewWriter(out)
	defer logClose("gzip", gz)
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close() // LABEL: ok closeorder
	_, err = io.Copy(gz, in)
	return err
}

// gzipPipeOK closes the pipe with the gzip Close's result.
func gzipPipeOK(src io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		gz := gzip.NewWriter(pw)
		if _, err := io.Copy(gz, src); err != nil {
			pw.CloseWithError(err)
			return
		}
		pw.CloseWithError(gz.Close()) // LABEL: ok closeorder
	}()
	return pr
}

// sendB64BufferedOK registers the flush first, so the encoder closes before it.
func sendB64BufferedOK(conn net.Conn, data []byte) (err error) {
	bw := bufio.NewWriter(conn)
	defer func() { // LABEL: ok closeorder
		if ferr := bw.Flush(); ferr != nil && err == nil {
			err = ferr
		}
	}()
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	defer func() {
		if cerr := enc.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = enc.Write(data)
	return err
}
