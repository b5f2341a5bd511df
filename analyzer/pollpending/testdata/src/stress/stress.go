package stress // want package:"pollAPI"

// Package stress holds shapes that must not crash the analyzer:
// generics, labels and goto, select, type switches, method values and
// expressions, recursion, closures in closures.

import (
	"errors"
	"syscall"

	"golang.org/x/sys/unix"
)

type Sender[T ~[]byte] struct{ fd int }

func (s Sender[T]) Send(p T) (int, error) { // want Send:"pollWrite\\(buf=0\\)"
	return unix.Write(s.fd, p)
}

func sendGeneric[T ~[]byte](fd int, p T) error {
	_, err := unix.Write(fd, p) // want `short write from unix.Write is ignored`
	return err
}

func useGeneric(s Sender[[]byte], p []byte) error {
	_, err := s.Send(p) // want `short write from s.Send is ignored; some of len\(p\) bytes`
	if err != nil {
		return err
	}
	return sendGeneric(s.fd, p)
}

func isAgainG[E error](err E) bool { // want isAgainG:"errTest\\(true:again false:nil\\|other\\)"
	return errors.Is(err, unix.EAGAIN)
}

func labels(fd int, p []byte) error {
outer:
	for {
		for len(p) > 0 {
			n, err := unix.Write(fd, p)
			switch {
			case err == unix.EINTR:
				continue
			case isAgainG(err):
				goto wait
			case err != nil:
				break outer
			}
			p = p[n:]
		}
		return nil
	wait:
		continue outer
	}
	return errors.New("failed")
}

func selects(fd int, p []byte, quit chan struct{}) error {
	for len(p) > 0 {
		select {
		case <-quit:
			return errors.New("quit")
		default:
		}
		n, err := unix.Write(fd, p)
		if err != nil {
			return err
		}
		p = p[n:]
	}
	return nil
}

func typeSwitch(rc syscall.RawConn, p []byte) error {
	var werr error
	err := rc.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), p)
		switch e := werr.(type) {
		case nil:
			return true
		case syscall.Errno:
			return e != syscall.EAGAIN
		}
		return true // ok: not an Errno, so not EAGAIN
	})
	if err != nil {
		return err
	}
	return werr
}

func methodExpr(rc syscall.RawConn, s *cb) error {
	return rc.Write((*cb).write(s))
}

type cb struct{ p []byte }

func (c *cb) write() func(uintptr) bool {
	return func(fd uintptr) bool {
		_, err := unix.Write(int(fd), c.p)
		return err != unix.EAGAIN
	}
}

func recursive(fd int, p []byte) error {
	if len(p) == 0 {
		return nil
	}
	n, err := unix.Write(fd, p)
	if err != nil {
		return err
	}
	return recursive(fd, p[n:])
}

func nested(rc syscall.RawConn, p []byte) error {
	var werr error
	run := func() error {
		return rc.Write(func(fd uintptr) bool {
			do := func() error {
				_, err := unix.Write(int(fd), p) // want `short write from unix.Write is ignored`
				return err
			}
			werr = do()
			return true // ok: the write is in another function
		})
	}
	if err := run(); err != nil {
		return err
	}
	return werr
}

func deferred(fd int, p []byte) {
	defer unix.Write(fd, p) // want `short write from unix.Write is ignored`
}

func goroutine(fd int, p []byte) {
	go unix.Write(fd, p) // want `short write from unix.Write is ignored`
}

var pkgLevel, _ = unix.Write(1, nil)

func noBody(fd int, p []byte) (int, error)

func dotDot(fds []int, p []byte) {
	for range fds {
	}
	_ = [...]int{1, 2}
}
