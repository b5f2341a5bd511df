package a

import (
	"errors"
	"syscall"

	"golang.org/x/sys/unix"
)

// EAGAIN tests through syscall.Errno.

func cbErrnoOK(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if errno, ok := werr.(syscall.Errno); ok && errno == syscall.EAGAIN {
			return false
		}
		return true // ok: not an Errno, or an Errno other than EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

func cbErrorsAs(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		var errno syscall.Errno
		if errors.As(werr, &errno) && errno == unix.EAGAIN {
			return false
		}
		return true // ok: errors.As and the comparison caught EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

func cbErrnoNotAgain(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if errno, ok := werr.(syscall.Errno); ok && errno == syscall.EINTR {
			return false
		}
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbBreakOnAgain(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		for len(p) > 0 {
			n, err := unix.Write(int(fd), p)
			if err == unix.EAGAIN {
				break
			}
			if err != nil {
				werr = err
				break
			}
			p = p[n:]
		}
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbSendto(rc syscall.RawConn, p []byte, to unix.Sockaddr) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		werr = unix.Sendto(int(fd), p, 0, to)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbSendtoOK(rc syscall.RawConn, p []byte, to unix.Sockaddr) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		werr = unix.Sendto(int(fd), p, 0, to)
		return !errors.Is(werr, unix.EAGAIN) // ok: the correct shape
	})
	if err != nil {
		return err
	}
	return werr
}

// EAGAIN cleared into success.

func clearedAgain(fd int, p []byte, to unix.Sockaddr) error {
	err := unix.Sendto(fd, p, 0, to)
	if errors.Is(err, unix.EAGAIN) {
		err = nil
	}
	return err // want `EAGAIN from unix.Sendto is treated as success`
}

func clearedOther(fd int, p []byte, to unix.Sockaddr) error {
	err := unix.Sendto(fd, p, 0, to)
	if errors.Is(err, unix.EINTR) {
		err = nil
	}
	return err // ok: only EINTR is cleared
}
