// Package framerelay relays length-prefixed frames from one stream to a
// connection, as a proxy between two services does.
package framerelay

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
)

// readFrame reads one frame: a 4-byte big-endian length, then the body.
func readFrame(src *bufio.Reader) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(src, hdr[:]); err != nil {
		return nil, err
	}
	frame := make([]byte, 4+binary.BigEndian.Uint32(hdr[:]))
	copy(frame, hdr[:])
	_, err := io.ReadFull(src, frame[4:])
	return frame, err
}

// RelayBad ignores the result of each Write: once the downstream stops
// reading and the deadline passes, every later frame is dropped and the
// relay reports that it forwarded them all.
func RelayBad(dst net.Conn, src *bufio.Reader) error {
	for {
		frame, err := readFrame(src)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("relay: read: %w", err)
		}
		dst.Write(frame) // want discard `Write on dst is discarded`
	}
}

// RelayFixed stops at the first failed Write and says so.
func RelayFixed(dst net.Conn, src *bufio.Reader) error {
	for {
		frame, err := readFrame(src)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("relay: read: %w", err)
		}
		if _, err := dst.Write(frame); err != nil {
			return fmt.Errorf("relay: write: %w", err)
		}
	}
}
