// Package logflush sends a batch of rows and logs a failed flush.
package logflush

import (
	"bufio"
	"log"
	"net"
)

// SendBad logs the Flush error and then reports success: the caller
// marks the batch as sent.
func SendBad(conn net.Conn, rows []string, logger *log.Logger) error {
	bw := bufio.NewWriter(conn)
	for _, r := range rows {
		bw.WriteString(r + "\n")
	}
	if err := bw.Flush(); err != nil {
		logger.Printf("send: %v", err) // want unflushed
	}
	return nil
}

// SendFixed logs and returns the error.
func SendFixed(conn net.Conn, rows []string, logger *log.Logger) error {
	bw := bufio.NewWriter(conn)
	for _, r := range rows {
		bw.WriteString(r + "\n")
	}
	if err := bw.Flush(); err != nil {
		logger.Printf("send: %v", err)
		return err
	}
	return nil
}
