// Package finish has functions that finish the writers passed to them.
package finish

import (
	"bufio"
	"compress/gzip"
)

func Flush(bw *bufio.Writer) error { return bw.Flush() } // want Flush:"finishes\\[0\\]"

func CloseAll(zw *gzip.Writer, bw *bufio.Writer) error { // want CloseAll:"finishes\\[0 1\\]"
	if err := zw.Close(); err != nil {
		return err
	}
	return Flush(bw)
}

// Touch does not finish its writer.
func Touch(bw *bufio.Writer) int { return bw.Buffered() }
