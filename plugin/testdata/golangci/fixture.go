// Package fixture holds the shapes that the golangci-lint integration
// test runs the custom binary on. A comment "want: ..." names what
// reports its line when nothing is excluded: a linter, or flushcheck/CHECK
// for one of flushcheck's checks. The test reads these comments, so
// keep them on the lines they describe. The line with
// //nolint:flushcheck is reported by errcheck only.
package fixture

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
)

// Save drops the error of the Flush that writes the buffered tail.
func Save(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	bw.Flush() // want: errcheck flushcheck/discard
	return f.Close()
}

// Compress drops the error of the Close that writes the gzip footer.
func Compress(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	defer zw.Close() // want: errcheck flushcheck/discard
	_, err := zw.Write(data)
	return err
}

// Explained drops the error of a Flush on purpose, and says why.
func Explained(w io.Writer, data []byte) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	bw.Flush() //nolint:flushcheck // the caller flushes w's own buffer again
	return nil
}

// Report never flushes its buffered writer.
func Report(w io.Writer, lines []string) error {
	bw := bufio.NewWriter(w) // want: flushcheck/unflushed (the related information)
	for _, l := range lines {
		if _, err := bw.WriteString(l); err != nil {
			return err
		}
	}
	return nil // want: flushcheck/unflushed
}
