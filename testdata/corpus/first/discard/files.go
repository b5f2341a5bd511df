package discard

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// SaveConfig writes key=value lines and defers a Close whose error is lost:
// on NFS or a full disk the write error surfaces only at close.
func SaveConfig(path string, cfg map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // LABEL: bad discard
	keys := make([]string, 0, len(cfg))
	for k := range cfg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, err := fmt.Fprintf(f, "%s=%s\n", k, cfg[k]); err != nil {
			return err
		}
	}
	return nil
}

// appendAudit appends a line and closes with a bare expression statement.
func appendAudit(path, line string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(line + "\n"); err != nil {
		f.Close()
		return err
	}
	f.Close() // LABEL: bad discard
	return nil
}

// writeDurable drops the fsync result and then returns Close.
func writeDurable(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	f.Sync() // LABEL: bad discard
	return f.Close()
}

// checkpoint starts an fsync in a goroutine and forgets it.
func checkpoint(f *os.File, state []byte) error {
	if _, err := f.WriteAt(state, 0); err != nil {
		return err
	}
	go f.Sync() // LABEL: bad discard
	return nil
}

// writePID blanks both results of WriteString on a file it created.
func writePID(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, _ = f.WriteString(fmt.Sprint(os.Getpid())) // LABEL: bad discard
	return f.Close()
}

// saveBlob's write error is overwritten by the Close result before anyone reads it.
func saveBlob(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = f.Write(data) // LABEL: bad discard
	err = f.Close()
	return err
}

// restoreFromReader lets ReadFrom fill the file and ignores the result.
func restoreFromReader(path string, r io.Reader) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	f.ReadFrom(r) // LABEL: bad discard
	return f.Close()
}

// spool copies into a temp file and ignores the copy.
func spool(dir string, r io.Reader) (string, error) {
	f, err := os.CreateTemp(dir, "spool-*")
	if err != nil {
		return "", err
	}
	io.Copy(f, r) // LABEL: bad discard
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// extractHead copies the first n bytes and drops the count and error.
func extractHead(dst string, r io.Reader, n int64) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	_, _ = io.CopyN(f, r, n) // LABEL: bad discard
	return f.Close()
}

// copyWithBuffer reuses a buffer and forgets the copy's error.
func copyWithBuffer(dst *os.File, src io.Reader, buf []byte) error {
	if _, err := dst.Seek(0, io.SeekEnd); err != nil {
		return err
	}
	io.CopyBuffer(dst, src, buf) // LABEL: bad discard
	return nil
}

// logLine appends to an opened log file and ignores Fprintln.
type fileLogger struct {
	f *os.File
}

func openFileLogger(path string) (*fileLogger, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	return &fileLogger{f: f}, nil
}

func (l *fileLogger) logLine(msg string) {
	fmt.Fprintln(l.f, msg) // LABEL: bad discard
}

// rotator is a log rotator that writes to r.f and drops the old file's Close error.
type rotator struct {
	path string
	f    *os.File
	n    int
}

func (r *rotator) Write(p []byte) (int, error) {
	n, err := r.f.Write(p)
	r.n += n
	return n, err
}

func (r *rotator) rotate() error {
	r.f.Close() // LABEL: bad discard
	if err := os.Rename(r.path, r.path+".1"); err != nil {
		return err
	}
	f, err := os.Create(r.path)
	if err != nil {
		return err
	}
	r.f, r.n = f, 0
	return nil
}

// saveBuffered: Flush is checked but the file's Close is deferred and lost.
func saveBuffered(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // LABEL: bad discard
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// ---- near-misses ----

// loadConfig closes a read-only file.
func loadConfig(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() // LABEL: ok discard
	cfg := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if ok {
			cfg[k] = v
		}
	}
	return cfg, sc.Err()
}

// countLines opens read-only through OpenFile and closes with an expression statement.
func countLines(path string) (int, error) {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if err != nil {
		return 0, err
	}
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	f.Close() // LABEL: ok discard
	return n, sc.Err()
}

// SaveState defers Close as a safety net and returns the explicit Close.
func SaveState(path string, state []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // LABEL: ok discard
	if _, err := f.Write(state); err != nil {
		return err
	}
	return f.Close()
}

// SaveSynced defers Close but checks Sync, which reports the write-back.
func SaveSynced(path string, state []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // LABEL: ok discard
	if _, err := f.Write(state); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	return nil
}

// writeJoined joins the close error into the named result.
func writeJoined(path string, data []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		err = errors.Join(err, f.Close()) // LABEL: ok discard
	}()
	_, err = f.Write(data)
	return err
}

// writeOrCleanup closes and removes on the failure path only.
func writeOrCleanup(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close() // LABEL: ok discard
		os.Remove(path)
		return err
	}
	return f.Close()
}

// atomicWrite writes a temp file; the error path closes without checking.
func atomicWrite(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close() // LABEL: ok discard
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// printUsage writes to stderr.
func printUsage(prog string) {
	fmt.Fprintf(os.Stderr, "usage: %s [flags] FILE\n", prog) // LABEL: ok discard
}

// printTable writes to stdout.
func printTable(rows [][2]string) {
	for _, r := range rows {
		fmt.Fprintln(os.Stdout, r[0]+"\t"+r[1]) // LABEL: ok discard
	}
}

// echoStdout writes raw bytes to stdout.
func echoStdout(p []byte) {
	os.Stdout.Write(p) // LABEL: ok discard
}

// writeAndCheckClose keeps the write error and returns the close error when it matters.
func writeAndCheckClose(path string, data []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil { // LABEL: ok discard
			err = cerr
		}
	}()
	_, err = f.Write(data)
	return err
}
