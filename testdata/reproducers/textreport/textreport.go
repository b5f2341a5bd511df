// Package textreport writes a text report to a connection.
package textreport

import (
	"bufio"
	"fmt"
	"net"
)

// WriteBad returns early without flushing when no summary is asked
// for: the last lines stay in the buffer.
func WriteBad(conn net.Conn, lines []string, summary bool) error {
	bw := bufio.NewWriter(conn)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	if !summary {
		return nil // want unflushed
	}
	fmt.Fprintf(bw, "total %d\n", len(lines))
	return bw.Flush()
}

// WriteFixed flushes on every path that reports success.
func WriteFixed(conn net.Conn, lines []string, summary bool) error {
	bw := bufio.NewWriter(conn)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	if summary {
		fmt.Fprintf(bw, "total %d\n", len(lines))
	}
	return bw.Flush()
}
