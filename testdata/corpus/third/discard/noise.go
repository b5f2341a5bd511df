package discard

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"text/tabwriter"
)

// Fingerprint hashes parts with a separator.
func Fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write(append([]byte(p), 0)) // LABEL: ok discard
	}
	return hex.EncodeToString(h.Sum(nil))
}

// RenderTable aligns rows into columns.
func RenderTable(rows [][]string) string {
	var sb strings.Builder
	tw := tabwriter.NewWriter(&sb, 0, 8, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t")) // LABEL: ok discard
	}
	tw.Flush() // LABEL: ok discard
	return sb.String()
}

// FormatHeaders renders h in wire format.
func FormatHeaders(h http.Header) []byte {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	h.Write(bw) // LABEL: ok discard
	bw.Flush()  // LABEL: ok discard
	return buf.Bytes()
}

// Debugf prints a diagnostic line.
func Debugf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...) // LABEL: ok discard
}

// Produce streams items through a pipe; the pipe's Close always succeeds.
func Produce(items []string) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		defer pw.Close() // LABEL: ok discard
		for _, it := range items {
			if _, err := io.WriteString(pw, it+"\n"); err != nil {
				return
			}
		}
	}()
	return pr
}
