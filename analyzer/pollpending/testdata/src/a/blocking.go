package a

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// Blocking descriptors by construction, and writes too small to split.

func stderr(p []byte) {
	syscall.Write(2, p)              // ok: the standard error stream
	syscall.Write(syscall.Stderr, p) // ok: the standard error stream
	unix.Write(unix.Stdout, p)       // ok: the standard output stream
}

func fileFd(f *os.File, p []byte) error {
	_, err := syscall.Write(int(f.Fd()), p) // ok: Fd puts the file in blocking mode
	return err
}

func openBlocking(path string, p []byte) error {
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CREAT, 0o644)
	if err != nil {
		return err
	}
	_, err = unix.Write(fd, p) // ok: opened without O_NONBLOCK
	return err
}

func openNonblocking(path string, p []byte) error {
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_NONBLOCK, 0)
	if err != nil {
		return err
	}
	_, err = unix.Write(fd, p) // want `short write from unix.Write is ignored`
	return err
}

func socketMadeNonblocking(p []byte) error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err != nil {
		return err
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		return err
	}
	_, err = unix.Write(fd, p) // want `short write from unix.Write is ignored`
	return err
}

func socketBlocking(p []byte) error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err != nil {
		return err
	}
	_, err = unix.Write(fd, p) // ok: a blocking socket
	return err
}

func wakeup(fd int) {
	unix.Write(fd, []byte{1}) // ok: one byte cannot be split
}

func eventfd(fd int, v uint64) error {
	var buf [8]byte
	buf[0] = byte(v)
	_, err := unix.Write(fd, buf[:]) // ok: an eventfd counter is written whole
	return err
}

func shortLiteral(fd int) error {
	_, err := unix.Write(fd, []byte("hello\n")) // want `short write from unix.Write is ignored; some of len\(\[\]byte\("hello\\n"\)\) bytes`
	return err
}

func socketpairInGoroutine(payload []byte) error {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	if err != nil {
		return err
	}
	done := make(chan error)
	go func() {
		_, err := unix.SendmsgN(fds[1], nil, unix.UnixRights(fds[0]), nil, 0) // ok: no bytes, only control data
		if err == nil {
			_, err = unix.Write(fds[1], payload) // ok: a blocking socket pair
		}
		done <- err
	}()
	return <-done
}

func socketpairNonblocking(payload []byte) error {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_NONBLOCK, 0)
	if err != nil {
		return err
	}
	_, err = unix.Write(fds[1], payload) // want `short write from unix.Write is ignored`
	return err
}

func eventfdSlice() error {
	efd, err := unix.Eventfd(0, unix.EFD_NONBLOCK)
	if err != nil {
		return err
	}
	buf := make([]byte, 8)
	buf[0] = 1
	_, err = unix.Write(efd, buf) // ok: an eventfd takes the whole counter or nothing
	return err
}

func pipeBlocking(p []byte) error {
	var fds [2]int
	if err := unix.Pipe(fds[:]); err != nil {
		return err
	}
	_, err := unix.Write(fds[1], p) // ok: a blocking pipe
	return err
}

func pipeNonblocking(p []byte) error {
	fds := make([]int, 2)
	if err := unix.Pipe2(fds, unix.O_NONBLOCK); err != nil {
		return err
	}
	_, err := unix.Write(fds[1], p) // want `short write from unix.Write is ignored`
	return err
}
