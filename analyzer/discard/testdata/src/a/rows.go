package a

// One case per knowledge row not covered elsewhere, each with its
// near miss.

import (
	"bytes"
	"compress/flate"
	"compress/lzw"
	"compress/zlib"
	"crypto/tls"
	"encoding/ascii85"
	"encoding/base32"
	"fmt"
	"io"
	"net"
	"os"
)

func zlibClose(w io.Writer) {
	zw := zlib.NewWriter(w)
	zw.Close() // want `error from \(\*zlib.Writer\).Close on zw is discarded just before returning; the zlib checksum may not be written`
}

func zlibIntoBuffer() {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Close() // ok: into a bytes.Buffer
}

func flateFlush(w io.Writer) error {
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return err
	}
	fw.Flush() // ok: sticky, the Close below returns the same error
	return fw.Close()
}

func flateFlushOnly(fw *flate.Writer) error {
	fw.Flush() // want `error from \(\*flate.Writer\).Flush on fw is discarded just before returning; the final deflate block may not be written`
	return nil
}

func lzwClose(w io.Writer) {
	lw := lzw.NewWriter(w, lzw.LSB, 8)
	lw.Close() // want `error from \(io.WriteCloser\).Close on lw is discarded just before returning; the final lzw codes may not be written`
}

func lzwTyped(lw *lzw.Writer) {
	lw.Close() // want `error from \(\*lzw.Writer\).Close on lw is discarded just before returning; the final lzw codes may not be written`
}

func base32Close(w io.Writer) {
	e := base32.NewEncoder(base32.StdEncoding, w)
	e.Close() // want `error from \(io.WriteCloser\).Close on e is discarded just before returning; the final base32 block may not be written`
}

func ascii85Close(w io.Writer) {
	e := ascii85.NewEncoder(w)
	e.Close() // want `error from \(io.WriteCloser\).Close on e is discarded just before returning; the final ascii85 block may not be written`
}

func ascii85Stdout() {
	e := ascii85.NewEncoder(os.Stdout)
	e.Close() // ok: standard output
}

func unixWrite(c *net.UnixConn, p []byte) {
	c.Write(p) // want `error from \(\*net.UnixConn\).Write on c is discarded just before returning; a short or failed write goes unnoticed`
}

func udpWrite(c *net.UDPConn, p []byte, addr *net.UDPAddr) {
	c.WriteToUDP(p, addr) // ok: not a stream write
	c.Write(p)            // want `error from \(\*net.UDPConn\).Write on c is discarded`
}

func ipClose(c *net.IPConn) {
	c.Close() // ok: closing a connection
}

func tlsWrite(c *tls.Conn, p []byte) {
	c.Write(p) // want `error from \(\*tls.Conn\).Write on c is discarded`
	c.Close()  // ok: closing a connection
}

func stderr() {
	fmt.Fprintln(os.Stderr, "warning") // ok: standard error
	os.Stderr.Write([]byte("x"))       // ok: standard error
}

func fromReader(conn net.Conn, w io.Writer, p []byte) {
	io.Copy(w, bytes.NewReader(p))    // ok: unknown writer, infallible source
	io.Copy(conn, bytes.NewReader(p)) // want `error from io.Copy to conn is discarded`
}

func pipeEnds(data []byte) error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close() // ok: the read end of a pipe
	w.Write(data)   // ok: a pipe's write fails only once its reader has gone
	w.Close()       // ok: closing a pipe loses nothing
	return nil
}

func pipeOrFile(path string, data []byte, toFile bool) error {
	_, w, err := os.Pipe()
	if toFile {
		w, err = os.Create(path)
	}
	if err != nil {
		return err
	}
	w.Write(data) // want `error from \(\*os.File\).Write on w is discarded; a short or failed write goes unnoticed`
	w.Close()     // want `error from \(\*os.File\).Close on w is discarded just before returning; data written to the file may not reach the disk`
	return nil
}
