package discard

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/lzw"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"os"
	"path/filepath"
	"slices"
)

// Rotator compresses rotated log files.
type Rotator struct {
	Dir string
}

// Compress writes name.gz next to name and removes the original. The gzip
// footer may never reach the disk, and the original is deleted anyway.
func (r *Rotator) Compress(name string) error {
	in, err := os.Open(filepath.Join(r.Dir, name))
	if err != nil {
		return err
	}
	defer in.Close() // LABEL: ok discard
	out, err := os.Create(filepath.Join(r.Dir, name+".gz"))
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(out)
	if _, err := io.Copy(gz, in); err != nil {
		out.Close() // LABEL: ok discard
		return err
	}
	gz.Close() // LABEL: bad discard
	if err := out.Close(); err != nil {
		return err
	}
	return os.Remove(filepath.Join(r.Dir, name))
}

// GzipTo compresses data into w.
func GzipTo(w io.Writer, data []byte) error {
	gz := gzip.NewWriter(w)
	defer gz.Close() // LABEL: bad discard
	_, err := gz.Write(data)
	return err
}

// WriteGzipFile keeps a deferred Close as a safety net behind the checked ones.
func WriteGzipFile(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // LABEL: ok discard
	gz := gzip.NewWriter(f)
	defer gz.Close() // LABEL: ok discard
	if _, err := gz.Write(data); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return f.Close()
}

// CompressBlob returns data gzip-compressed in memory.
func CompressBlob(data []byte) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	gz.Write(data) // LABEL: ok discard
	gz.Close()     // LABEL: ok discard
	return buf.Bytes()
}

// ReadGzip returns the decompressed contents of a .gz file.
func ReadGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() // LABEL: ok discard
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer zr.Close() // LABEL: ok discard
	return io.ReadAll(zr)
}

// Snapshotter persists state compressed with zlib.
type Snapshotter struct {
	Path string
}

// Save writes state and fsyncs the file.
func (s *Snapshotter) Save(state []byte) error {
	f, err := os.Create(s.Path)
	if err != nil {
		return err
	}
	zw := zlib.NewWriter(f)
	if _, err := zw.Write(state); err != nil {
		return errors.Join(err, f.Close())
	}
	_ = zw.Close() // LABEL: bad discard
	if err := f.Sync(); err != nil {
		return errors.Join(err, f.Close())
	}
	return f.Close()
}

// CompressedConn sends messages through one shared deflate stream.
type CompressedConn struct {
	conn net.Conn
	fw   *flate.Writer
}

// NewCompressedConn starts a deflate stream on conn.
func NewCompressedConn(conn net.Conn) (*CompressedConn, error) {
	fw, err := flate.NewWriter(conn, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return &CompressedConn{conn: conn, fw: fw}, nil
}

// Send writes msg and sync-flushes it so the peer can decode it now.
func (c *CompressedConn) Send(msg []byte) error {
	if _, err := c.fw.Write(msg); err != nil {
		return err
	}
	c.fw.Flush() // LABEL: bad discard
	return nil
}

// PackTiles writes each tile as an LZW stream into its own file.
func PackTiles(dir string, tiles [][]byte) error {
	for i, t := range tiles {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("tile-%03d.lzw", i)))
		if err != nil {
			return err
		}
		lw := lzw.NewWriter(f, lzw.LSB, 8)
		if _, err := lw.Write(t); err != nil {
			return errors.Join(err, f.Close())
		}
		lw.Close() // LABEL: bad discard
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// BundleFiles writes files into a zip archive at path. The central
// directory is written by the zip Close, whose error is lost.
func BundleFiles(path string, files map[string][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fw, err := zw.Create(name)
		if err != nil {
			return errors.Join(err, f.Close())
		}
		if _, err := fw.Write(files[name]); err != nil {
			return errors.Join(err, f.Close())
		}
	}
	zw.Close() // LABEL: bad discard
	return f.Close()
}

// ExportZip registers the zip Close in a closure that drops it; the file
// Close is kept.
func ExportZip(path string, files map[string][]byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil { // LABEL: ok discard
			err = cerr
		}
	}()
	zw := zip.NewWriter(f)
	defer func() { _ = zw.Close() }() // LABEL: bad discard
	for name, data := range files {
		fw, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return nil
}

// WriteBackup archives entries as a tar stream into w.
func WriteBackup(w io.Writer, entries []Entry) error {
	tw := tar.NewWriter(w)
	defer tw.Close() // LABEL: bad discard
	for _, e := range entries {
		hdr := &tar.Header{Name: e.Name, Mode: 0o644, Size: int64(len(e.Data)), ModTime: e.ModTime}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
	}
	return nil
}

// WriteTarTo keeps the trailer error through the named result.
func WriteTarTo(w io.Writer, entries []Entry) (err error) {
	tw := tar.NewWriter(w)
	defer func() {
		err = errors.Join(err, tw.Close()) // LABEL: ok discard
	}()
	for _, e := range entries {
		hdr := &tar.Header{Name: e.Name, Mode: 0o644, Size: int64(len(e.Data)), ModTime: e.ModTime}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
	}
	return nil
}
