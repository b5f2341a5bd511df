package closeorder

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"maps"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"

	"heldout2/internal/recordio"
	"heldout2/third/objstore"
	"heldout2/third/snappy"
	"heldout2/third/zstd"
)

// writeGzip registers the file close after the gzip close, so the file is
// closed first and the footer is written to a closed file.
func writeGzip(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	defer gz.Close()
	defer f.Close() // LABEL: bad closeorder
	_, err = gz.Write(data)
	return err
}

// writeGzipOrdered registers the file close first, so it runs last.
func writeGzipOrdered(path string, data []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // LABEL: ok closeorder
	gz := gzip.NewWriter(f)
	defer func() {
		if cerr := gz.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = gz.Write(data)
	return err
}

// gzipFrom closes its input file from a defer registered after the gzip
// close; the input is not the writer's destination.
func gzipFrom(dst io.Writer, src string) (err error) {
	gz := gzip.NewWriter(dst)
	defer func() {
		if cerr := gz.Close(); err == nil {
			err = cerr
		}
	}()
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close() // LABEL: ok closeorder
	_, err = io.Copy(gz, in)
	return err
}

// zipDir closes the archive from a named-result closure, but the file
// close registered after it runs first.
func zipDir(dst string, files map[string][]byte) (err error) {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	defer func() {
		if cerr := zw.Close(); err == nil {
			err = cerr
		}
	}()
	defer out.Close() // LABEL: bad closeorder
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(files[name]); err != nil {
			return err
		}
	}
	return nil
}

// writeZip keeps a deferred Close as a safety net for error paths and
// closes explicitly on success; the deferred file close therefore never
// precedes a Close that writes on the success path.
func writeZip(path string, files map[string][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	defer zw.Close()
	defer f.Close() // LABEL: ok closeorder
	for _, name := range slices.Sorted(maps.Keys(files)) {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeTarFile finishes the tar writer and then the file through
// named-result closures registered in the right order.
func writeTarFile(path string, entries map[string][]byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }() // LABEL: ok closeorder
	tw := tar.NewWriter(f)
	defer func() { err = errors.Join(err, tw.Close()) }()
	for _, name := range slices.Sorted(maps.Keys(entries)) {
		data := entries[name]
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(data))}); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	return nil
}

// writeTarGz closes the gzip layer before the tar layer on top of it.
func writeTarGz(path string, files map[string][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	defer tw.Close()
	defer gz.Close() // LABEL: bad closeorder
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data := files[name]
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data))}); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	return nil
}

// writeTarGzOrdered registers the layers outermost-last, so they close
// tar, then gzip, then file.
func writeTarGzOrdered(path string, files map[string][]byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	gz := gzip.NewWriter(f)
	defer func() { err = errors.Join(err, gz.Close()) }() // LABEL: ok closeorder
	tw := tar.NewWriter(gz)
	defer func() { err = errors.Join(err, tw.Close()) }()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data := files[name]
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data))}); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	return nil
}

// hijackAndGreet flushes the hijacked buffer from a defer, but the
// connection close registered after it runs first.
func hijackAndGreet(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "hijacking not supported", http.StatusInternalServerError)
		return
	}
	defer func() {
		if err := brw.Flush(); err != nil {
			log.Printf("greet: %v", err)
		}
	}()
	defer conn.Close() // LABEL: bad closeorder
	brw.WriteString("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nok\n")
}

// hijackAndGreetOrdered registers the close first.
func hijackAndGreetOrdered(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "hijacking not supported", http.StatusInternalServerError)
		return
	}
	defer conn.Close() // LABEL: ok closeorder
	brw.WriteString("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nok\n")
	if err := brw.Flush(); err != nil {
		panic(http.ErrAbortHandler)
	}
}

// sendMetrics defers the flush and then the close; the close runs first.
func sendMetrics(addr string, samples map[string]float64) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(conn)
	defer bw.Flush()
	defer conn.Close() // LABEL: bad closeorder
	for _, k := range slices.Sorted(maps.Keys(samples)) {
		fmt.Fprintf(bw, "%s %g\n", k, samples[k])
	}
	return nil
}

// compressToFile defers the encoder close before the file close.
func compressToFile(path string, src io.Reader) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc, err := zstd.NewWriter(f, zstd.WithEncoderLevel(zstd.SpeedBetterCompression))
	if err != nil {
		f.Close()
		return err
	}
	defer enc.Close()
	defer f.Close() // LABEL: bad closeorder
	_, err = io.Copy(enc, src)
	return err
}

// splitArchive writes one zip per group; inside the loop the deferred
// file close is registered after the deferred zip close.
func splitArchive(dir string, groups map[string]map[string][]byte) error {
	for group, files := range groups {
		f, err := os.Create(filepath.Join(dir, group+".zip"))
		if err != nil {
			return err
		}
		zw := zip.NewWriter(f)
		defer zw.Close()
		defer f.Close() // LABEL: bad closeorder
		for name, data := range files {
			w, err := zw.Create(name)
			if err != nil {
				return err
			}
			if _, err := w.Write(data); err != nil {
				return err
			}
		}
	}
	return nil
}

// splitArchiveOrdered moves each archive into its own function.
func splitArchiveOrdered(dir string, groups map[string]map[string][]byte) error {
	for group, files := range groups {
		if err := writeGroup(filepath.Join(dir, group+".zip"), files); err != nil {
			return err
		}
	}
	return nil
}

func writeGroup(path string, files map[string][]byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }() // LABEL: ok closeorder
	zw := zip.NewWriter(f)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// backup uploads over a dialed transport; the transport close registered
// after the upload's Close runs first, so the commit record is lost.
func backup(ctx context.Context, addr, key string, src io.Reader) error {
	tr, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	w := objstore.NewWriter(ctx, tr, key)
	defer w.Close()
	defer tr.Close() // LABEL: bad closeorder
	_, err = io.Copy(w, src)
	return err
}

// backupCommitted commits explicitly; the transport closes afterwards.
func backupCommitted(ctx context.Context, addr, key string, src io.Reader) error {
	tr, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer tr.Close() // LABEL: ok closeorder
	w := objstore.NewWriter(ctx, tr, key)
	if _, err := io.Copy(w, src); err != nil {
		w.CloseWithError(err)
		return err
	}
	return w.Close()
}

// replicate closes the record writer from a named-result closure, but the
// connection close registered after it runs first.
func replicate(addr string, recs [][]byte) (err error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	rw := recordio.NewWriter(conn)
	defer func() { err = errors.Join(err, rw.Close()) }()
	defer conn.Close() // LABEL: bad closeorder
	for _, r := range recs {
		if err := rw.WriteRecord(r); err != nil {
			return err
		}
	}
	return nil
}

// replicateOrdered registers the connection close first.
func replicateOrdered(addr string, recs [][]byte) (err error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close() // LABEL: ok closeorder
	rw := recordio.NewWriter(conn)
	defer func() { err = errors.Join(err, rw.Close()) }()
	for _, r := range recs {
		if err := rw.WriteRecord(r); err != nil {
			return err
		}
	}
	return nil
}

// saveCompressed is a generic save helper whose deferred file close runs
// before the deferred flate close.
func saveCompressed[T any](path string, v T) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	fw, err := flate.NewWriter(f, flate.DefaultCompression)
	if err != nil {
		f.Close()
		return err
	}
	defer fw.Close()
	defer f.Close() // LABEL: bad closeorder
	return json.NewEncoder(fw).Encode(v)
}

// saveCompressedOrdered is the same helper with the closes in order.
func saveCompressedOrdered[T any](path string, v T) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }() // LABEL: ok closeorder
	fw, err := flate.NewWriter(f, flate.DefaultCompression)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(fw).Encode(v); err != nil {
		return err
	}
	return fw.Close()
}

// dumpToFile closes the file before the dumper writes its last line.
func dumpToFile(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	d := hex.Dumper(f)
	defer d.Close()
	defer f.Close() // LABEL: bad closeorder
	_, err = d.Write(p)
	return err
}

// streamForm writes a form into a pipe from a goroutine; the pipe close
// registered after the multipart close runs first.
func streamForm(fields map[string]string) (io.Reader, string) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		defer mw.Close()
		defer pw.Close() // LABEL: bad closeorder
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			if err := mw.WriteField(k, fields[k]); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
	}()
	return pr, mw.FormDataContentType()
}

// writeSegment defers the snappy close and then the connection close.
func writeSegment(conn net.Conn, recs [][]byte) error {
	sw := snappy.NewBufferedWriter(conn)
	defer sw.Close()
	defer conn.Close() // LABEL: bad closeorder
	for _, r := range recs {
		if _, err := sw.Write(r); err != nil {
			return err
		}
	}
	return nil
}
