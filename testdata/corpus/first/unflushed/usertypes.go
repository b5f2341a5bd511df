package unflushed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"log"
	"net"
	"os"

	"heldout/internal/wire"
	"heldout/third/snappy"
	"heldout/third/zstd"
)

// sendFrames uses a cross-package buffering encoder and never flushes it.
func sendFrames(conn net.Conn, frames [][]byte) error {
	enc := wire.NewEncoder(conn)
	for _, f := range frames {
		if err := enc.WriteFrame(0x02, f); err != nil {
			return err
		}
	}
	return nil // LABEL: bad unflushed
}

// compressZstd never closes the third-party encoder.
func compressZstd(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	enc, err := zstd.NewWriter(f)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: bad unflushed
}

// sendSnappy never flushes the third-party framing writer.
func sendSnappy(conn net.Conn, blocks [][]byte) error {
	sw := snappy.NewBufferedWriter(conn)
	for _, b := range blocks {
		if _, err := sw.Write(b); err != nil {
			return err
		}
	}
	return nil // LABEL: bad unflushed
}

// archiveLogged logs a failed gzip Close and returns success.
func archiveLogged(conn net.Conn, data []byte) error {
	gz := gzip.NewWriter(conn)
	if _, err := gz.Write(data); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		log.Printf("gzip close failed: %v", err)
	}
	return nil // LABEL: bad unflushed
}

// renderBuffered writes through a bufio.Writer over a bytes.Buffer and
// returns the buffer's contents without flushing: the tail is missing.
func renderBuffered(lines []string) string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return buf.String() // LABEL: bad unflushed
}

// ---- near-misses ----

// sendFramesOK flushes the cross-package encoder.
func sendFramesOK(conn net.Conn, frames [][]byte) error {
	enc := wire.NewEncoder(conn)
	for _, f := range frames {
		if err := enc.WriteFrame(0x02, f); err != nil {
			return err
		}
	}
	return enc.Flush() // LABEL: ok unflushed
}

// finishViaHelper flushes through a cross-package helper.
func finishViaHelper(conn net.Conn, msg []byte) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(msg); err != nil {
		return err
	}
	return wire.Finish(bw) // LABEL: ok unflushed
}

// compressZstdOK closes the encoder.
func compressZstdOK(dst string, data []byte) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	enc, err := zstd.NewWriter(f)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := enc.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close() // LABEL: ok unflushed
}

// renderBufferedOK flushes before reading the buffer.
func renderBufferedOK(lines []string) string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	bw.Flush()
	return buf.String() // LABEL: ok unflushed
}
