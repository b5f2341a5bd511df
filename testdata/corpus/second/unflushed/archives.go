package unflushed

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"compress/lzw"
	"compress/zlib"
	"io"
	"maps"
	"os"
	"slices"
)

type fileEntry struct {
	Name string
	Mode int64
	Data []byte
}

// writeTarball stops at the size budget and reports success without the
// tar trailer (and with the last entry possibly unpadded).
func writeTarball(w io.Writer, entries []fileEntry, limit int64) error {
	tw := tar.NewWriter(w)
	var total int64
	for _, e := range entries {
		if total+int64(len(e.Data)) > limit {
			return nil // LABEL: bad unflushed
		}
		hdr := &tar.Header{Name: e.Name, Mode: e.Mode, Size: int64(len(e.Data))}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
		total += int64(len(e.Data))
	}
	return tw.Close()
}

// writeTarballCapped is the fixed form: the budget ends the loop and the
// archive is still closed.
func writeTarballCapped(w io.Writer, entries []fileEntry, limit int64) error {
	tw := tar.NewWriter(w)
	var total int64
	for _, e := range entries {
		if total+int64(len(e.Data)) > limit {
			break
		}
		hdr := &tar.Header{Name: e.Name, Mode: e.Mode, Size: int64(len(e.Data))}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
		total += int64(len(e.Data))
	}
	return tw.Close() // LABEL: ok unflushed
}

// zipReports never writes the central directory.
func zipReports(out io.Writer, reports map[string][]byte) error {
	zw := zip.NewWriter(out)
	for _, name := range slices.Sorted(maps.Keys(reports)) {
		fw, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(reports[name]); err != nil {
			return err
		}
	}
	return nil // LABEL: bad unflushed
}

// writeCompressed closes the zlib writer only when a write fails; the
// success path syncs a file that lacks the end of the stream.
func writeCompressed(f *os.File, payload []byte) error {
	zw := zlib.NewWriter(f)
	if _, err := zw.Write(payload); err != nil {
		zw.Close()
		return err
	}
	return f.Sync() // LABEL: bad unflushed
}

// writeCompressedSynced closes the stream before syncing.
func writeCompressedSynced(f *os.File, payload []byte) error {
	zw := zlib.NewWriter(f)
	if _, err := zw.Write(payload); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Sync() // LABEL: ok unflushed
}

// deflateChunks stops at the first empty chunk and reports success with
// the deflate stream unterminated.
func deflateChunks(dst io.Writer, chunks <-chan []byte) error {
	fw, err := flate.NewWriter(dst, flate.BestSpeed)
	if err != nil {
		return err
	}
	for c := range chunks {
		if len(c) == 0 {
			break
		}
		if _, err := fw.Write(c); err != nil {
			return err
		}
	}
	return nil // LABEL: bad unflushed
}

// packIndices writes LZW-compressed pixel indices and falls off the end
// without the end-of-information code.
func packIndices(w io.Writer, pixels []byte) {
	lw := lzw.NewWriter(w, lzw.LSB, 8)
	lw.Write(pixels)
} // LABEL: bad unflushed

// gzipTo reports a copy failure; the success path closes the stream.
func gzipTo(path string, src io.Reader) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	gz := gzip.NewWriter(f)
	if _, err := io.Copy(gz, src); err != nil {
		return err // LABEL: ok unflushed
	}
	return gz.Close()
}
