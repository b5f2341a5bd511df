package discard

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"text/tabwriter"
)

// writeReport aligns columns into a report file and drops the tabwriter Flush,
// which is where every byte is written.
func writeReport(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(f, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		if _, err := fmt.Fprintln(tw, strings.Join(r, "\t")); err != nil {
			f.Close()
			return err
		}
	}
	tw.Flush() // LABEL: bad discard
	return f.Close()
}

// sendPrepared writes a prepared buffer to the connection with WriteTo.
func sendPrepared(conn net.Conn, prepared *bytes.Buffer) error {
	if prepared.Len() == 0 {
		return nil
	}
	prepared.WriteTo(conn) // LABEL: bad discard
	return nil
}

// serveFile streams a read-only file into a connection and ignores the copy.
func serveFile(conn net.Conn, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	io.Copy(conn, f) // LABEL: bad discard
	return nil
}

// ---- near-misses ----

// mergeBuffers moves one in-memory buffer into another.
func mergeBuffers(dst, src *bytes.Buffer) {
	src.WriteTo(dst) // LABEL: ok discard
}

// fingerprint streams an in-memory reader into a hash with WriteTo.
func fingerprint(s string) []byte {
	h := sha256.New()
	strings.NewReader(s).WriteTo(h) // LABEL: ok discard
	return h.Sum(nil)
}

// serveFileChecked returns the copy error.
func serveFileChecked(conn net.Conn, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close() // LABEL: ok discard
	_, err = io.Copy(conn, f)
	return err
}
