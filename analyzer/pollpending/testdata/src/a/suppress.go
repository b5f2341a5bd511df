package a

import "golang.org/x/sys/unix"

// Findings silenced with a reason.

func udpSend(fd int, pkt []byte) error {
	//lint:ignore flushcheck/pollpending a UDP socket sends a datagram whole or not at all
	_, err := unix.Write(fd, pkt) // ok: silenced
	return err
}

func tunWrite(fd int, pkt []byte) error {
	_, err := unix.Write(fd, pkt) //nolint:flushcheck // a TUN device takes whole packets
	return err
}

func noReason(fd int, pkt []byte) error {
	//lint:ignore flushcheck/pollpending
	_, err := unix.Write(fd, pkt) // want `short write from unix.Write is ignored`
	return err
}
