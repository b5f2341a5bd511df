package discard

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

// renderKey writes into a bytes.Buffer.
func renderKey(parts []string) string {
	var buf bytes.Buffer
	for i, p := range parts {
		if i > 0 {
			buf.WriteByte('/')
		}
		buf.WriteString(p) // LABEL: ok discard
	}
	return buf.String()
}

// joinLines writes into a strings.Builder.
func joinLines(lines []string) string {
	var sb strings.Builder
	for _, l := range lines {
		sb.WriteString(l) // LABEL: ok discard
		sb.WriteRune('\n')
	}
	return sb.String()
}

// digest writes into a hash.
func digest(parts ...[]byte) []byte {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p) // LABEL: ok discard
	}
	return h.Sum(nil)
}

// checksumString uses io.WriteString on a hash.
func checksumString(s string) uint32 {
	h := crc32.NewIEEE()
	io.WriteString(h, s) // LABEL: ok discard
	return h.Sum32()
}

// describe formats into a strings.Builder.
func describe(name string, size int64) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s (%d bytes)", name, size) // LABEL: ok discard
	return sb.String()
}

// bufferedRender flushes a bufio.Writer stacked on a bytes.Buffer.
func bufferedRender(items []string) []byte {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	for _, it := range items {
		bw.WriteString(it)
	}
	bw.Flush() // LABEL: ok discard
	return buf.Bytes()
}

// cloneReader copies an in-memory reader into a buffer.
func cloneReader(s string) []byte {
	var buf bytes.Buffer
	io.Copy(&buf, strings.NewReader(s)) // LABEL: ok discard
	return buf.Bytes()
}

// countBytes writes into io.Discard.
func countBytes(p []byte) int {
	n, _ := io.Discard.Write(p) // LABEL: ok discard
	return n
}

// produce closes an io.PipeWriter, whose Close always returns nil.
func produce(lines []string) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		for _, l := range lines {
			if _, err := io.WriteString(pw, l+"\n"); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.Close() // LABEL: ok discard
	}()
	return pr
}

// renderTo writes through an io.Writer of unknown type: the caller owns its errors.
func renderTo(w io.Writer, title string) {
	fmt.Fprintf(w, "<h1>%s</h1>\n", title) // LABEL: ok discard
}

// writeHeaderTo writes raw bytes through an io.Writer of unknown type.
func writeHeaderTo(w io.Writer, magic []byte) {
	w.Write(magic) // LABEL: ok discard
}

// hashFile-like helper: a writer stacked on a hash.
func hashedCopy(data []byte) []byte {
	h := sha256.New()
	bw := bufio.NewWriter(h)
	bw.Write(data)
	bw.Flush() // LABEL: ok discard
	return h.Sum(nil)
}
