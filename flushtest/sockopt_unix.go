//go:build unix

package flushtest

import "syscall"

// setBuffers sets SO_SNDBUF and SO_RCVBUF on fd where they are positive.
func setBuffers(fd uintptr, snd, rcv int) error {
	if snd > 0 {
		if err := syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUF, snd); err != nil {
			return err
		}
	}
	if rcv > 0 {
		return syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, rcv)
	}
	return nil
}
