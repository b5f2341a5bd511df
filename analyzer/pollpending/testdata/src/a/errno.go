package a

import (
	"errors"
	"os"
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

func cbTemporary(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if errno, ok := werr.(syscall.Errno); ok && errno.Temporary() {
			return false
		}
		return true // ok: Errno.Temporary is true for EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

var drops int

func countedAgain(fd int, p []byte, to unix.Sockaddr) error {
	err := unix.Sendto(fd, p, 0, to)
	if err == unix.EAGAIN {
		drops++
		return nil // want `EAGAIN from unix.Sendto is treated as success`
	}
	return err
}

func notDoneAgain(fd int, p []byte, to unix.Sockaddr) (bool, error) { // want notDoneAgain:"pollDone"
	err := unix.Sendto(fd, p, 0, to)
	if err == unix.EAGAIN {
		return false, nil // ok: false tells the caller it is not done
	}
	return err == nil, err
}

// trySend is a (done bool) poll-style function: false on EAGAIN.
func trySend(fd int, p []byte, to unix.Sockaddr) bool { // want trySend:"pollDone"
	err := unix.Sendto(fd, p, 0, to)
	return err != unix.EAGAIN
}

func trySendDropped(fd int, p []byte, to unix.Sockaddr) {
	trySend(fd, p, to) // want `result of trySend is discarded; false means the write would block and the unsent bytes are dropped`
}

func trySendKept(fd int, p []byte, to unix.Sockaddr, retry func()) {
	if !trySend(fd, p, to) { // ok: the answer is used
		retry()
	}
}

func cbTypeSwitch(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		switch werr.(type) {
		case nil:
			return true // ok: no error
		case syscall.Errno:
			return true // want `RawConn.Write callback returns true after EAGAIN`
		}
		return false
	})
	if err != nil {
		return err
	}
	return werr
}

// The EAGAIN test must be of the write's error, or of one derived from it.

func cbOtherError(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		serr := unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_SNDBUF, 1<<20)
		_, werr = unix.Write(int(fd), p)
		return serr != unix.EAGAIN // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbOtherErrorIs(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		serr := unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_SNDBUF, 1<<20)
		_, werr = unix.Write(int(fd), p)
		if errors.Is(serr, unix.EAGAIN) {
			return false
		}
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbWrappedError(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, e := unix.Write(int(fd), p)
		werr = os.NewSyscallError("write", e)
		return !errors.Is(werr, unix.EAGAIN) // ok: the write's error, wrapped
	})
	if err != nil {
		return err
	}
	return werr
}

func cbCopied(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, e := unix.Write(int(fd), p)
		werr = e
		return werr != unix.EAGAIN // ok: a copy of the write's error
	})
	if err != nil {
		return err
	}
	return werr
}
