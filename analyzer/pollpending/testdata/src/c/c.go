// Package c checks RawConn callbacks against helpers of another package.
package c

import (
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
