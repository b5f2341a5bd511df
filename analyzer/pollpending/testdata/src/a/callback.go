package a

import (
	"errors"
	"syscall"

	"golang.org/x/sys/unix"
)

// RawConn.Write callbacks.

func cbTrue(rc syscall.RawConn, p []byte) (int, error) {
	var n int
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		n, werr = syscall.Write(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN; the runtime will not wait for the socket and the unsent bytes are dropped`
	})
	if err == nil {
		err = werr
	}
	return n, err
}

func cbTrueOK(rc syscall.RawConn, p []byte) (int, error) {
	var n int
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		n, werr = syscall.Write(int(fd), p)
		return werr != syscall.EAGAIN // ok: the correct shape
	})
	if err == nil {
		err = werr
	}
	return n, err
}

func cbDropped(rc syscall.RawConn, p []byte) error {
	return rc.Write(func(fd uintptr) bool {
		unix.Write(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
}

// The standard library's own test shape (net/rawconn_unix_test.go).
func cbStdShape(c syscall.RawConn, b []byte) error {
	var operr error
	err := c.Write(func(s uintptr) bool {
		_, operr = syscall.Write(int(s), b)
		if operr == syscall.EAGAIN {
			return false
		}
		return true // ok: EAGAIN returned false above
	})
	if err != nil {
		return err
	}
	return operr
}

func cbErrorsIs(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if errors.Is(werr, unix.EWOULDBLOCK) {
			return false
		}
		return true // ok: errors.Is caught EWOULDBLOCK
	})
	if err != nil {
		return err
	}
	return werr
}

func cbCaughtThenTrue(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if werr == unix.EAGAIN {
			return true // want `RawConn.Write callback returns true after EAGAIN`
		}
		return true // ok: EAGAIN cannot reach here
	})
	if err != nil {
		return err
	}
	return werr
}

func cbAnyError(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if werr != nil && werr != unix.EINTR {
			return true // want `RawConn.Write callback returns true after EAGAIN`
		}
		return werr == nil
	})
	if err != nil {
		return err
	}
	return werr
}

func cbNilOnly(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if werr == nil {
			return true // ok: no error at all
		}
		return false
	})
	if err != nil {
		return err
	}
	return werr
}

func cbSwitch(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		switch werr {
		case nil:
			return true // ok: no error
		case unix.EAGAIN:
			return false
		}
		return true // ok: an error other than EAGAIN, reported by werr
	})
	if err != nil {
		return err
	}
	return werr
}

func cbSwitchTrue(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		switch werr {
		case syscall.EINTR:
			return false
		}
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

// A loop inside the callback that writes everything or waits.
func cbLoop(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		for len(p) > 0 {
			n, err := unix.Write(int(fd), p)
			if err == unix.EAGAIN {
				return false
			}
			if err != nil {
				werr = err
				return true // ok: a hard error, reported through werr
			}
			p = p[n:]
		}
		return true // ok: everything was written
	})
	if err != nil {
		return err
	}
	return werr
}

// Read used for writing.

func cbRead(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Read(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		return true // want `RawConn.Read callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbReadOther(rc syscall.RawConn, dst int, p []byte) error {
	var werr error
	err := rc.Read(func(fd uintptr) bool {
		_, werr = unix.Write(dst, p)
		return true // ok: the write is to another descriptor, like net's sendfile
	})
	if err != nil {
		return err
	}
	return werr
}

func cbReadOnly(rc syscall.RawConn, p []byte) (n int, err error) {
	var rerr error
	err = rc.Read(func(fd uintptr) bool {
		n, rerr = unix.Read(int(fd), p)
		return true // ok: a read, not a write
	})
	if err == nil {
		err = rerr
	}
	return n, err
}

// Named callbacks and callbacks held in a variable.

type sender struct {
	p   []byte
	err error
}

func (s *sender) write(fd uintptr) bool {
	_, s.err = unix.Write(int(fd), s.p)
	return true // want `RawConn.Write callback returns true after EAGAIN`
}

func (s *sender) writeOK(fd uintptr) bool { // want writeOK:"pollDone"
	_, s.err = unix.Write(int(fd), s.p)
	return s.err != unix.EAGAIN // ok: the correct shape
}

func cbMethod(rc syscall.RawConn, s *sender) error {
	if err := rc.Write(s.write); err != nil {
		return err
	}
	if err := rc.Write(s.writeOK); err != nil {
		return err
	}
	return s.err
}

func cbVar(rc syscall.RawConn, p []byte) error {
	var werr error
	cb := func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	}
	if err := rc.Write(cb); err != nil {
		return err
	}
	return werr
}

// A type implementing syscall.RawConn.

type wrapped struct{ rc syscall.RawConn }

func (w wrapped) Control(f func(uintptr)) error    { return w.rc.Control(f) }
func (w wrapped) Read(f func(uintptr) bool) error  { return w.rc.Read(f) }
func (w wrapped) Write(f func(uintptr) bool) error { return w.rc.Write(f) }

func cbWrapped(w wrapped, p []byte) error {
	var werr error
	err := w.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

// Not a RawConn: a Write method with the same callback type.

type notRaw struct{}

func (notRaw) Write(f func(uintptr) bool) error { return nil }

func cbNotRaw(w notRaw, p []byte) error {
	var werr error
	err := w.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p) // ok: in a func(uintptr) bool the answer counts, not the count
		return true                      // ok: notRaw is not a syscall.RawConn
	})
	if err != nil {
		return err
	}
	return werr
}

// A helper that tests for EAGAIN, known by fact.

func isAgain(err error) bool { // want isAgain:"errTest\\(true:again false:nil\\|other\\)"
	return errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EWOULDBLOCK)
}

func cbHelper(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		return !isAgain(werr) // ok: not a constant
	})
	if err != nil {
		return err
	}
	return werr
}

func cbHelperIf(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if isAgain(werr) {
			return false
		}
		return true // ok: the helper caught EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

// Not an EAGAIN test: it says whether err is EPIPE.
func isPipe(err error) bool { // want isPipe:"errTest\\(true:other false:nil\\|again\\|other\\)"
	return err == unix.EPIPE
}

func cbNotHelper(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		if isPipe(werr) {
			return false
		}
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

// A callback without a raw write says nothing about EAGAIN.
func cbNoWrite(rc syscall.RawConn) (fd int, err error) {
	err = rc.Control(func(s uintptr) { fd = int(s) })
	err2 := rc.Write(func(s uintptr) bool {
		fd = int(s)
		return true // ok: nothing was written here
	})
	if err == nil {
		err = err2
	}
	return fd, err
}

func cbNotEINTR(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		return werr == nil || werr != unix.EINTR // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbNotEAGAINOrEINTR(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		return werr != unix.EAGAIN && werr != unix.EINTR // ok: false for EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

// A narrower interface that syscall.RawConn satisfies.
type rawWriter interface {
	Write(func(fd uintptr) (done bool)) error
}

func cbNarrow(w rawWriter, p []byte) error {
	var werr error
	err := w.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbNamedResult(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) (done bool) {
		_, werr = unix.Write(int(fd), p)
		done = true
		return // want `RawConn.Write callback returns true after EAGAIN`
	})
	if err != nil {
		return err
	}
	return werr
}

func cbNamedResultOK(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) (done bool) {
		_, werr = unix.Write(int(fd), p)
		done = true
		if werr == unix.EAGAIN {
			done = false
		}
		return // ok: done is false after EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

func cbTwice(rc syscall.RawConn, s *sender) error {
	if err := rc.Write(s.write); err != nil { // ok: reported once, at its return
		return err
	}
	return rc.Write(s.write)
}

func cbDeclaredThenSet(rc syscall.RawConn, p []byte) error {
	var werr error
	var cb func(uintptr) bool
	cb = func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		return true // want `RawConn.Write callback returns true after EAGAIN`
	}
	if err := rc.Write(cb); err != nil {
		return err
	}
	return werr
}
