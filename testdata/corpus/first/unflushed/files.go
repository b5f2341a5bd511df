package unflushed

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"time"
)

// writeLines buffers lines and closes the file without flushing.
func writeLines(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close() // LABEL: bad unflushed
}

// compressLog never closes the gzip writer: the footer (CRC, size) is missing.
func compressLog(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	if _, err := gz.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// compressFlushOnly flushes the gzip writer but never closes it: Flush
// emits a sync block, not the footer.
func compressFlushOnly(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	if _, err := gz.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := gz.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// exportArchive flushes the zip writer but never closes it: no central directory.
func exportArchive(dst string, files map[string]string) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			f.Close()
			return err
		}
		if _, err := w.Write([]byte(body)); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// backupTar writes entries and never closes the tar writer.
func backupTar(dst string, files map[string][]byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(f)
	for name, body := range files {
		hdr := &tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), ModTime: time.Now()}
		if err := tw.WriteHeader(hdr); err != nil {
			f.Close()
			return err
		}
		if _, err := tw.Write(body); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close() // LABEL: bad unflushed
}

// saveBase64 never closes the encoder: the last partial block is lost.
func saveBase64(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, f)
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// saveBase32 never closes the encoder.
func saveBase32(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	enc := base32.NewEncoder(base32.HexEncoding, f)
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// saveAscii85 never closes the encoder.
func saveAscii85(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	enc := ascii85.NewEncoder(f)
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// saveLZW never closes the lzw writer.
func saveLZW(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	w := lzw.NewWriter(f, lzw.MSB, 8)
	if _, err := w.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// saveZlib never closes the zlib writer.
func saveZlib(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zlib.NewWriter(f)
	if _, err := zw.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// dumpHex never closes the Dumper: the last line (and its ASCII column) is lost.
func dumpHex(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	d := hex.Dumper(f)
	if _, err := d.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// exportRows writes CSV records and never flushes the csv.Writer.
func exportRows(dst string, rows [][]string) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close() // LABEL: bad unflushed
}

// findAndRecord stops at the first match with the match still buffered.
func findAndRecord(dst string, lines []string, needle string) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			f.Close()
			return err
		}
		if strings.Contains(l, needle) {
			return f.Close() // LABEL: bad unflushed
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ---- near-misses ----

// writeLinesOK flushes before closing.
func writeLinesOK(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			f.Close()  // LABEL: ok unflushed
			return err // LABEL: ok unflushed
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok unflushed
}

// compressLogOK closes the gzip writer before the file.
func compressLogOK(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	if _, err := gz.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := gz.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok unflushed
}

// exportArchiveOK closes the zip writer.
func exportArchiveOK(dst string, files map[string]string) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			f.Close()
			return err
		}
		if _, err := w.Write([]byte(body)); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok unflushed
}

// backupTarOK closes the tar writer.
func backupTarOK(dst string, files map[string][]byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(f)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}); err != nil {
			f.Close()
			return err
		}
		if _, err := tw.Write(body); err != nil {
			f.Close()
			return err
		}
	}
	if err := tw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("tar trailer: %w", err)
	}
	return f.Close() // LABEL: ok unflushed
}

// saveBase64OK closes the encoder.
func saveBase64OK(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, f)
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := enc.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok unflushed
}

// dumpHexOK closes the Dumper.
func dumpHexOK(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	d := hex.Dumper(f)
	if _, err := d.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := d.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok unflushed
}

// exportRowsOK flushes and checks Error().
func exportRowsOK(dst string, rows [][]string) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			f.Close()
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok unflushed
}

// saveLZWDeferred closes the lzw writer through a deferred closure that sets the result.
func saveLZWDeferred(dst string, data []byte) (err error) {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	w := lzw.NewWriter(f, lzw.MSB, 8)
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = w.Write(data)
	return err // LABEL: ok unflushed
}
