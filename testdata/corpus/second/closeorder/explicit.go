package closeorder

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"slices"

	"heldout2/third/zstd"
)

// lineClient speaks a line protocol through a buffered writer.
type lineClient struct {
	conn net.Conn
	bw   *bufio.Writer
}

func newLineClient(conn net.Conn) *lineClient {
	return &lineClient{conn: conn, bw: bufio.NewWriter(conn)}
}

// quit closes the connection and only then flushes QUIT into it.
func (c *lineClient) quit() error {
	c.bw.WriteString("QUIT\r\n")
	cerr := c.conn.Close() // LABEL: bad closeorder
	if err := c.bw.Flush(); err != nil {
		return err
	}
	return cerr
}

// hangup flushes QUIT first.
func (c *lineClient) hangup() error {
	c.bw.WriteString("QUIT\r\n")
	if err := c.bw.Flush(); err != nil {
		c.conn.Close()
		return err
	}
	return c.conn.Close() // LABEL: ok closeorder
}

// gzipFile closes the output file before the gzip footer is written. The
// close on the copy-failure path is fine: nothing follows it.
func gzipFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(out)
	if _, err := io.Copy(gz, in); err != nil {
		out.Close() // LABEL: ok closeorder
		return err
	}
	if err := out.Close(); err != nil { // LABEL: bad closeorder
		return err
	}
	return gz.Close()
}

// compressInto closes the input file, not the destination, before the
// gzip writer.
func compressInto(dst io.Writer, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(dst)
	_, err = io.Copy(gz, in)
	in.Close() // LABEL: ok closeorder
	if err != nil {
		return err
	}
	return gz.Close()
}

// mirror closes the response body it read from before closing the gzip
// writer; the body is not the writer's destination.
func mirror(url string, dst io.Writer) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(dst)
	_, err = io.Copy(gz, resp.Body)
	resp.Body.Close() // LABEL: ok closeorder
	if err != nil {
		return err
	}
	return gz.Close()
}

// roundTrip half-closes the socket while the request is still buffered.
func roundTrip(conn *net.TCPConn, req []byte) ([]byte, error) {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(req); err != nil {
		return nil, err
	}
	if err := conn.CloseWrite(); err != nil { // LABEL: bad closeorder
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	return io.ReadAll(conn)
}

// roundTripFlushed flushes, then half-closes, then reads the reply.
func roundTripFlushed(conn *net.TCPConn, req []byte) ([]byte, error) {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(req); err != nil {
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if err := conn.CloseWrite(); err != nil { // LABEL: ok closeorder
		return nil, err
	}
	return io.ReadAll(conn)
}

// writeBundle closes the file through a method value before the zip
// central directory is written.
func writeBundle(path string, files map[string][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	closeFile := f.Close
	zw := zip.NewWriter(f)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		if err != nil {
			closeFile()
			return err
		}
		if _, err := w.Write(files[name]); err != nil {
			closeFile()
			return err
		}
	}
	if err := closeFile(); err != nil { // LABEL: bad closeorder
		return err
	}
	return zw.Close()
}

// writeArchiveDurably closes the archive, syncs, then closes the file.
func writeArchiveDurably(path string, files map[string][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		if err != nil {
			f.Close()
			return err
		}
		if _, err := w.Write(files[name]); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok closeorder
}

// writeTar joins the close errors, but the arguments are evaluated left
// to right: the file is closed before the tar trailer is written.
func writeTar(path string, entries map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(f)
	for _, name := range slices.Sorted(maps.Keys(entries)) {
		body := entries[name]
		hdr := &tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}
		if err := tw.WriteHeader(hdr); err != nil {
			return errors.Join(err, f.Close())
		}
		if _, err := io.WriteString(tw, body); err != nil {
			return errors.Join(err, f.Close())
		}
	}
	return errors.Join(f.Close(), tw.Close()) // LABEL: bad closeorder
}

// writeTarOrdered joins in the right order.
func writeTarOrdered(path string, entries map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(f)
	for _, name := range slices.Sorted(maps.Keys(entries)) {
		body := entries[name]
		hdr := &tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}
		if err := tw.WriteHeader(hdr); err != nil {
			return errors.Join(err, f.Close())
		}
		if _, err := io.WriteString(tw, body); err != nil {
			return errors.Join(err, f.Close())
		}
	}
	return errors.Join(tw.Close(), f.Close()) // LABEL: ok closeorder
}

// multipartBody streams a form through a pipe; the pipe is closed before
// the closing boundary is written, so the reader sees a clean EOF on a
// truncated body.
func multipartBody(fields map[string]string) (io.Reader, string) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			if err := mw.WriteField(k, fields[k]); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.Close() // LABEL: bad closeorder
		mw.Close()
	}()
	return pr, mw.FormDataContentType()
}

// multipartBodyClosed closes the multipart writer first and hands its
// result to the pipe.
func multipartBodyClosed(fields map[string]string) (io.Reader, string) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			if err := mw.WriteField(k, fields[k]); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.CloseWithError(mw.Close()) // LABEL: ok closeorder
	}()
	return pr, mw.FormDataContentType()
}

// serveGreeting flushes from a defer but hangs up explicitly; the
// explicit Close runs before the deferred Flush.
func serveGreeting(conn net.Conn, motd []string) {
	bw := bufio.NewWriter(conn)
	defer bw.Flush()
	for _, l := range motd {
		fmt.Fprintf(bw, "NOTICE %s\r\n", l)
	}
	conn.Close() // LABEL: bad closeorder
}

// serveGreetingFlushed closes from a defer registered first and returns
// the flush result.
func serveGreetingFlushed(conn net.Conn, motd []string) error {
	defer conn.Close() // LABEL: ok closeorder
	bw := bufio.NewWriter(conn)
	for _, l := range motd {
		fmt.Fprintf(bw, "NOTICE %s\r\n", l)
	}
	return bw.Flush()
}

// writeEncodedFile closes the file before the encoder's final block.
func writeEncodedFile(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, f)
	_, werr := enc.Write(data)
	cerr := f.Close() // LABEL: bad closeorder
	if werr != nil {
		return werr
	}
	if err := enc.Close(); err != nil {
		return err
	}
	return cerr
}

// sendSnapshot compresses a snapshot onto the socket. In one-way mode it
// half-closes the socket before ending the zlib stream.
func sendSnapshot(conn *net.TCPConn, snap []byte, mode string) error {
	zw := zlib.NewWriter(conn)
	if _, err := zw.Write(snap); err != nil {
		return err
	}
	switch mode {
	case "oneway":
		if err := conn.CloseWrite(); err != nil { // LABEL: bad closeorder
			return err
		}
		return zw.Close()
	case "ack":
		if err := zw.Close(); err != nil {
			return err
		}
		var ack [1]byte
		_, err := io.ReadFull(conn, ack[:])
		return err
	default:
		return fmt.Errorf("unknown mode %q", mode)
	}
}

// compressAll compresses each file; the output is closed before the
// encoder writes the end of the frame.
func compressAll(paths []string) error {
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out, err := os.Create(p + ".zst")
		if err != nil {
			return err
		}
		enc, err := zstd.NewWriter(out)
		if err != nil {
			out.Close()
			return err
		}
		if _, err := enc.Write(data); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil { // LABEL: bad closeorder
			return err
		}
		if err := enc.Close(); err != nil {
			return err
		}
	}
	return nil
}

// compressAllOrdered ends each frame before closing its file.
func compressAllOrdered(paths []string) error {
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out, err := os.Create(p + ".zst")
		if err != nil {
			return err
		}
		enc, err := zstd.NewWriter(out)
		if err != nil {
			out.Close()
			return err
		}
		if _, err := enc.Write(data); err != nil {
			out.Close()
			return err
		}
		if err := enc.Close(); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil { // LABEL: ok closeorder
			return err
		}
	}
	return nil
}

// exportRows closes the file and then flushes the csv writer into it.
func exportRows(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	for _, r := range rows {
		cw.Write(r)
	}
	if err := f.Close(); err != nil { // LABEL: bad closeorder
		return err
	}
	cw.Flush()
	return cw.Error()
}

// captureCompressed reads from the connection into a gzip writer over a
// buffer; closing the connection it read from is not an ordering problem,
// and the buffer is read after Close.
func captureCompressed(conn net.Conn, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	_, err := io.Copy(gz, io.LimitReader(conn, limit))
	conn.Close() // LABEL: ok closeorder
	if err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil // LABEL: ok closeorder
}
