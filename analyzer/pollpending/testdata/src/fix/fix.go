package fix

import (
	"syscall"

	"golang.org/x/sys/unix"
)

func viaSyscall(rc syscall.RawConn, p []byte) (int, error) {
	var n int
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		n, werr = syscall.Write(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err == nil {
		err = werr
	}
	return n, err
}

func viaUnix(rc syscall.RawConn, p []byte) error {
	return rc.Write(func(fd uintptr) bool {
		_, err := unix.Write(int(fd), p)
		if err != nil {
			println(err.Error())
		}
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
}

func noErrorVariable(rc syscall.RawConn, p []byte) error {
	return rc.Write(func(fd uintptr) bool {
		unix.Write(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
}

func reassigned(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if werr == unix.EINTR {
			werr = nil
		}
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func shadowed(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		{
			werr := 0
			_ = werr
			return true // want `RawConn.Write callback returns true after EAGAIN`
		}
	})
	if err != nil {
		return err
	}
	return werr
}
