// Package store loses the tail of what it writes in the ways each of
// flushcheck's checks knows, for the SARIF test.
package store

import (
	"bufio"
	"compress/gzip"
	"net"
	"os"
	"syscall"
)

// Save discards the error of the final Flush, after non-ASCII text so
// that UTF-16 columns differ from byte columns.
func Save(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	println("naïve, 世界 😀"); _ = bw.Flush()
	return f.Close()
}

// Report never flushes its writer.
func Report(f *os.File, lines []string) error {
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l); err != nil {
			return err
		}
	}
	return nil
}

// Send closes the connection before the gzip writer over it is closed.
func Send(c net.Conn, data []byte) error {
	zw := gzip.NewWriter(c)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	c.Close()
	return zw.Close()
}

// Quiet silences a finding without saying why, which silences nothing.
func Quiet(f *os.File) {
	f.Sync() //lint:ignore flushcheck
}

// Raw treats a short write on a non-blocking descriptor as done.
func Raw(fd int, p []byte) error {
	_, err := syscall.Write(fd, p)
	return err
}
