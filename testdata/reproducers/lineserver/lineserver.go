// Package lineserver is the reply writer of a line-protocol server: the
// rows of a result go back to the client through a bufio.Writer.
package lineserver

import (
	"bufio"
	"net"
)

// ReplyBad throws the Flush error away: when the client reads slowly
// and the write deadline passes, the rows in the buffer and in the
// failed write are lost and the server logs a successful reply.
func ReplyBad(conn net.Conn, rows []string) error {
	bw := bufio.NewWriter(conn)
	for _, r := range rows {
		bw.WriteString(r) // sticky: a failure comes back from Flush
		bw.WriteByte('\n')
	}
	_ = bw.Flush() // want discard `Flush on bw is discarded`
	return nil
}

// ReplyFixed returns the Flush error.
func ReplyFixed(conn net.Conn, rows []string) error {
	bw := bufio.NewWriter(conn)
	for _, r := range rows {
		bw.WriteString(r)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
