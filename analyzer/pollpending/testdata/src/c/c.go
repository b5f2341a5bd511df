// Package c checks RawConn callbacks against helpers of another package.
package c

import (
	"io"
	"syscall"

	"pollutil"
)

func cbHelper(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = syscall.Write(int(fd), p)
		if pollutil.IsEAGAIN(werr) {
			return false
		}
		return true // ok: the imported helper caught EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

func cbNotHelper(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = syscall.Write(int(fd), p)
		if pollutil.IsClosed(werr) {
			return false
		}
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbTryWrite(rc syscall.RawConn, p []byte) (n int, err error) {
	var werr error
	err = rc.Write(func(fd uintptr) bool {
		n, werr = pollutil.TryWrite(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err == nil {
		err = werr
	}
	return n, err
}

func cbTryWriteOK(rc syscall.RawConn, p []byte) (n int, err error) {
	var werr error
	err = rc.Write(func(fd uintptr) bool {
		n, werr = pollutil.TryWrite(int(fd), p)
		return !pollutil.IsEAGAIN(werr) // ok: the correct shape
	})
	if err == nil {
		err = werr
	}
	return n, err
}

// Helpers that assert syscall.Errno before comparing, learned by facts.

func answerBusy(fd int, msg []byte) error {
	n, err := syscall.Write(fd, msg)
	if err != nil {
		if pollutil.IsBusy(err) {
			return nil // want `EAGAIN from syscall.Write is treated as success`
		}
		return err
	}
	if n < len(msg) {
		return io.ErrShortWrite
	}
	return nil
}

func answerInterrupted(fd int, msg []byte) error {
	n, err := syscall.Write(fd, msg)
	if err != nil {
		if pollutil.IsInterrupted(err) {
			return nil // ok for this check: EINTR, not EAGAIN, is dropped
		}
		return err
	}
	if n < len(msg) {
		return io.ErrShortWrite
	}
	return nil
}

// An offset loop: the EAGAIN branch waits and goes round again, so the
// only way out is off reaching len(p), advanced by n.
func writeFrom(fd int, p []byte, wait func(int) error) error {
	for off := 0; off < len(p); {
		n, err := pollutil.TryWrite(fd, p[off:]) // ok: off advances by n
		if pollutil.IsBusySwitch(err) {
			if err := wait(fd); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		off += n
	}
	return nil
}

func cbBusy(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = syscall.Write(int(fd), p)
		return !pollutil.IsBusy(werr) // ok: false on EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

func cbInterrupted(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = syscall.Write(int(fd), p)
		return !pollutil.IsInterrupted(werr) // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}
