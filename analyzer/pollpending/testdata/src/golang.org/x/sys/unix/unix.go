// Package unix is a minimal stub of golang.org/x/sys/unix: the raw
// writes, flags and errno values pollpending's tests need, with the
// real signatures. Errno is an alias of syscall.Errno, as in x/sys.
package unix

import "syscall"

type Errno = syscall.Errno

type Sockaddr interface{ sockaddr() }

const (
	EAGAIN      = syscall.Errno(0xb)
	EWOULDBLOCK = syscall.Errno(0xb)
	EINTR       = syscall.Errno(0x4)
	EPIPE       = syscall.Errno(0x20)

	O_WRONLY     = 0x1
	O_CREAT      = 0x40
	O_NONBLOCK   = 0x800
	EFD_NONBLOCK = 0x800

	SOL_SOCKET = 0x1
	SO_SNDBUF  = 0x7

	AF_INET       = 0x2
	AF_UNIX       = 0x1
	SOCK_STREAM   = 0x1
	SOCK_NONBLOCK = 0x800
)

var (
	Stdin  = 0
	Stdout = 1
	Stderr = 2
)

func Write(fd int, p []byte) (n int, err error)                           { return 0, nil }
func Read(fd int, p []byte) (n int, err error)                            { return 0, nil }
func Writev(fd int, iovs [][]byte) (n int, err error)                     { return 0, nil }
func Sendto(fd int, p []byte, flags int, to Sockaddr) (err error)         { return nil }
func Sendmsg(fd int, p, oob []byte, to Sockaddr, flags int) (err error)   { return nil }
func SendmsgN(fd int, p, oob []byte, to Sockaddr, flags int) (int, error) { return 0, nil }
func Sendfile(outfd int, infd int, offset *int64, count int) (int, error) { return 0, nil }
func Open(path string, mode int, perm uint32) (fd int, err error)         { return 0, nil }
func Socket(domain, typ, proto int) (fd int, err error)                   { return 0, nil }
func SetNonblock(fd int, nonblocking bool) (err error)                    { return nil }
func EpollWait(epfd int, events []int, msec int) (n int, err error)       { return 0, nil }
func Socketpair(domain, typ, proto int) (fd [2]int, err error)            { return [2]int{}, nil }
func UnixRights(fds ...int) []byte                                        { return nil }
func Eventfd(initval uint, flags int) (fd int, err error)                 { return 0, nil }
func Pipe(p []int) error                                                  { return nil }
func Pipe2(p []int, flags int) error                                      { return nil }
func SetsockoptInt(fd, level, opt int, value int) (err error)             { return nil }
func Close(fd int) (err error)                                            { return nil }
