package unflushed

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"maps"
	"net"
	"os"
	"slices"
	"strings"
)

// greet sends the greeting. Clients that did not ask for the extended
// greeting get the first line only, and it never leaves the buffer.
func greet(conn net.Conn, host string, extended bool) error {
	bw := bufio.NewWriter(conn)
	fmt.Fprintf(bw, "220 %s ESMTP ready\r\n", host)
	if !extended {
		return nil // LABEL: bad unflushed
	}
	bw.WriteString("250-PIPELINING\r\n")
	bw.WriteString("250 8BITMIME\r\n")
	return bw.Flush()
}

// dumpCounts writes the counters sorted by name and falls off the end.
func dumpCounts(f *os.File, counts map[string]int) {
	w := bufio.NewWriter(f)
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		fmt.Fprintf(w, "%s\t%d\n", k, counts[k])
	}
} // LABEL: bad unflushed

// saveSnapshot logs a failed flush and still reports success.
func saveSnapshot(path string, kv map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	for k, v := range kv {
		fmt.Fprintf(bw, "%s=%s\n", k, v)
	}
	if err := bw.Flush(); err != nil {
		log.Printf("snapshot %s: %v", path, err)
	}
	return nil // LABEL: bad unflushed
}

// copyHeaderBlock copies lines up to the first blank one; the blank line
// ends the copy with everything still buffered.
func copyHeaderBlock(dst io.Writer, sc *bufio.Scanner) error {
	bw := bufio.NewWriter(dst)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			return nil // LABEL: bad unflushed
		}
		bw.WriteString(line)
		bw.WriteString("\r\n")
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return bw.Flush()
}

// writeStatus answers a command. Intermediate replies are left for a
// later flush that this function never does.
func writeStatus(conn net.Conn, code int, msg string) error {
	bw := bufio.NewWriter(conn)
	switch {
	case code >= 400:
		fmt.Fprintf(bw, "%d ERR %s\r\n", code, msg)
		return bw.Flush()
	case code >= 300:
		fmt.Fprintf(bw, "%d MORE %s\r\n", code, msg)
		return nil // LABEL: bad unflushed
	default:
		fmt.Fprintf(bw, "%d OK %s\r\n", code, msg)
	}
	return bw.Flush()
}

// writeFields writes one field per line; a failed write is reported.
func writeFields(w io.Writer, fields []string) error {
	bw := bufio.NewWriter(w)
	for _, f := range fields {
		if _, err := bw.WriteString(f + "\n"); err != nil {
			return fmt.Errorf("write field: %w", err) // LABEL: ok unflushed
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return nil // LABEL: ok unflushed
}

// logSink owns its writer; Close flushes it before closing the file.
type logSink struct {
	f  *os.File
	bw *bufio.Writer
}

// openLogSink writes a header and hands the writer to the sink.
func openLogSink(path string) (*logSink, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(f, 32<<10)
	fmt.Fprintf(bw, "# opened %s\n", path)
	return &logSink{f: f, bw: bw}, nil // LABEL: ok unflushed
}

func (s *logSink) Printf(format string, args ...any) {
	fmt.Fprintf(s.bw, format+"\n", args...)
}

func (s *logSink) Close() error {
	if err := s.bw.Flush(); err != nil {
		s.f.Close() // LABEL: ok unflushed
		return err
	}
	return s.f.Close() // LABEL: ok unflushed
}

// exportOrDie is a command's export step: any failure ends the process.
func exportOrDie(path string, rows [][]string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	for _, r := range rows {
		if _, err := bw.WriteString(strings.Join(r, "\t") + "\n"); err != nil {
			log.Fatalf("export %s: %v", path, err) // LABEL: ok unflushed
		}
	}
	if err := bw.Flush(); err != nil {
		log.Fatalf("export %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		log.Fatalf("export %s: %v", path, err)
	}
}

// writeConfigOrExit exits the process on the first failure.
func writeConfigOrExit(path string, lines []string) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			fmt.Fprintln(os.Stderr, "write config:", err)
			os.Exit(1) // LABEL: ok unflushed
		}
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "write config:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "write config:", err)
		os.Exit(1)
	}
}

// writeBanner returns before anything was written when there is no banner.
func writeBanner(conn net.Conn, banner string) error {
	bw := bufio.NewWriter(conn)
	if banner == "" {
		return nil // LABEL: ok unflushed
	}
	if _, err := bw.WriteString(banner + "\r\n"); err != nil {
		return err
	}
	return bw.Flush()
}

// writeIndex finishes the writer and the file in deferred closures that
// feed the named result; the flush runs before the close.
func writeIndex(path string, keys []string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriter(f)
	defer func() {
		if ferr := bw.Flush(); ferr != nil && err == nil {
			err = ferr
		}
	}()
	for _, k := range keys {
		if _, err := fmt.Fprintln(bw, k); err != nil {
			return err
		}
	}
	return nil // LABEL: ok unflushed
}

// encodeValue writes a tagged value; an unsupported type is a programming
// error.
func encodeValue(w io.Writer, key string, v any) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(key + "=")
	switch v := v.(type) {
	case string:
		fmt.Fprintf(bw, "s:%q\n", v)
	case int:
		fmt.Fprintf(bw, "i:%d\n", v)
	case []byte:
		fmt.Fprintf(bw, "b:%x\n", v)
	default:
		panic(fmt.Sprintf("encodeValue: unsupported type %T", v)) // LABEL: ok unflushed
	}
	return bw.Flush()
}
