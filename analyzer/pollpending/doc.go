// Package pollpending defines an Analyzer that reports "not done yet"
// answers from raw writes on file descriptors that are treated as done.
//
// # Analyzer pollpending
//
// pollpending: report raw writes whose EAGAIN or short count is treated as done
//
// Go hides readiness inside the runtime poller, except where code drops
// to raw file descriptors: event loops, proxies, zero-copy servers,
// TUN/TAP devices. There a write can answer "not done yet" in two ways,
// and both must be honored or the unsent bytes are lost while the code
// reports success:
//
//   - EAGAIN (EWOULDBLOCK): the socket buffer is full, nothing was sent,
//     try again when the descriptor is writable;
//   - a short count: n < len(p) bytes were sent, the rest was not.
//
// It is the literal Go form of a discarded Poll::Pending. pollpending
// reports four shapes.
//
// A callback passed to the Write method of syscall.RawConn (or of a type
// implementing it, or of an interface it satisfies, or to Read when the
// callback writes to its descriptor) that returns true on a path where a
// raw write in it may have returned EAGAIN: it returns true
// unconditionally, or without having compared the error with EAGAIN, or
// returns a test that cannot be false for EAGAIN (err != unix.EINTR), or
// sets its named result done to true and returns. Returning true tells
// the runtime the write is done; it will not wait for the socket:
//
//	rc.Write(func(fd uintptr) bool {
//		n, err = unix.Write(int(fd), p)
//		return true // RawConn.Write callback returns true after EAGAIN; ...
//	})
//
// The correct shape, which a suggested fix writes when the error variable
// is at hand, is
//
//	return err != unix.EAGAIN
//
// A raw write (Write, SendmsgN, Writev or SendmsgBuffers of syscall or
// golang.org/x/sys/unix) whose byte count is dropped, or kept but never
// looked at, on a path that reports success (returns nothing, a nil-able
// error, or anything but false). A count stored in an unexported field
// or package-level variable that nothing in the package reads (a byte
// counter, c.sent += n) is as good as dropped:
//
//	_, err := syscall.Write(fd, p) // short write from syscall.Write is ignored; ...
//	return err
//
// The correct shape compares the count with the length, or advances by it
// in a loop, or returns it to the caller.
//
// A raw write (the above, and Sendto and Sendmsg, which return only an
// error) whose EAGAIN is caught (told apart from the other errors, if not
// from success) and answered with success, returning nil (with len(p) as
// the count, if there is one), the error variable after setting it to
// nil, or the error of closing the descriptor (unix.Close(fd) reports the
// close, not the bytes), without retrying, waiting, or keeping the bytes
// anywhere (closing the descriptor or counting a drop keeps nothing); a
// continue in a range loop over messages moves on and drops this one, a
// continue in a for loop retries:
//
//	if err == unix.EAGAIN {
//		return nil // EAGAIN from unix.Sendto is treated as success; ...
//	}
//
//	if err != nil && err != unix.EAGAIN {
//		return err
//	}
//	return nil // EAGAIN from unix.Sendto is treated as success; ...
//
// So is a done result that is true after EAGAIN, in a function whose
// done is true on success (one whose true means "would block" answers
// false there): the constant true once EAGAIN is caught, or a test that
// holds for it, like return err == nil || err == unix.EAGAIN. Done is a
// claim that the write finished, wherever the bytes are kept: the caller
// closes the session.
//
// A call of a poll-style function whose done result is thrown away,
// whether it returns (done bool) or (done bool, err error): false with a
// nil error means the write would block, so
//
//	if _, err := q.FlushOnce(fd); err != nil { // done result of q.FlushOnce is discarded; ...
//
// checks the error and takes a full socket for done.
//
// EAGAIN tests are recognized through go/types, never through the text:
// err == EAGAIN (or EWOULDBLOCK, of syscall or x/sys/unix, in either
// order, or as a switch case), errors.Is(err, EAGAIN), the Timeout and
// Temporary methods of syscall.Errno and os.IsTimeout (true for EAGAIN
// among others), the ok of errno, ok := err.(syscall.Errno),
// errors.As(err, &errno) and a type switch on err (only an Errno, or an
// interface it satisfies, can be EAGAIN), and helpers of one expression
// or of several statements, such as
//
//	func isEAGAIN(err error) bool {
//		errno, ok := err.(syscall.Errno)
//		return ok && (errno == syscall.EAGAIN || errno == syscall.EWOULDBLOCK)
//	}
//
// which are learned with analysis facts, across packages, by reading
// what the paths to each return say about err (so are helpers that test
// for another error, like errors.Is(err, unix.EPIPE): on their true
// branch the write failed). A test counts only when it is of the
// write's error, a copy of it, its Errno, or a wrapping of it
// (os.NewSyscallError): a callback that returns cerr != unix.EAGAIN,
// with cerr a setsockopt's error, reports done whatever the write
// returned. So are user-defined poll-style APIs: a
// function returning (n int, err error) straight from a raw write, on a
// path where the write succeeded (its callers are checked as if they
// called the raw write), and a function returning (done bool) that
// returns false, or err != EAGAIN, when its raw write would block, or
// returning (done bool, err error) that returns false and nil then (its
// callers must not drop done).
// Paths are followed on the control-flow graph of each function, reading
// conditions on the error (err != nil, err == EAGAIN, n < 0, combined
// with && and ||) and on the count against a length (a failed write
// returns -1, so where n == len(p) holds it succeeded in full), so a
// check on one branch does not excuse another.
//
// pollpending deliberately does not report:
//
//   - writes through io.Writer, or a method Write([]byte) (int, error):
//     its contract makes a short write return an error;
//   - a count that is returned, stored outside the function where
//     something may read it (r.off += n, with r.buf[r.off:] written next
//     time), passed as an argument (other than to a print or log call),
//     compared with anything but 0 or -1, or read by the condition of a
//     for loop (for n > 0 { ... } consumes it); nor a path on which the
//     count can only be 0: only an empty buffer writes 0 bytes without
//     an error;
//   - writes to descriptors that are blocking by construction: constants
//     (0, 1, 2), syscall.Stdout and friends, (*os.File).Fd, and a
//     variable of the function set once by Open, Openat, Creat, Socket or
//     Socketpair, or filled by Pipe or Pipe2, without O_NONBLOCK or
//     SOCK_NONBLOCK, and never passed to SetNonblock;
//   - writes of no bytes (control data only), of one byte (a wake-up),
//     of an [8]byte array or to a descriptor set from Eventfd (an eventfd
//     counter), which cannot be split;
//   - the packages syscall and golang.org/x/sys/unix themselves, which
//     define the raw writes (Sendmsg drops SendmsgN's count by design);
//   - EAGAIN answered with nothing (a void return), with false, with a
//     partial count such as 0 or n, or after a call or a store (other
//     than counting, with ++ or +=) on the way that involves the
//     function's variables (it may register for writability, keep the
//     bytes, or set a state that says to wait), or a channel receive (it
//     waits), or
//     when the bytes come from a field or global that still holds them
//     and the function answers with an error, not done: an event loop
//     that returns nil on EAGAIN and resumes on EPOLLOUT is correct;
//   - the count of a raw write inside a RawConn callback, or any
//     func(uintptr) bool, which may be one passed on indirectly: the
//     callback's answer is its EAGAIN test, and the standard library's
//     own shape (net's rawconn test) drops the count there;
//   - a RawConn.Read callback whose raw write is not to its descriptor,
//     like the standard library's sendfile, which waits by itself;
//   - callbacks that are not a literal, a function of the package, or a
//     local assigned a literal once, and callbacks that answer through a
//     local variable (ok := true; return ok);
//   - raw writes made through syscall.Syscall(SYS_WRITE, ...), through a
//     function value (internal/poll's ignoringEINTRIO(syscall.Write, ...)),
//     or through an interface;
//   - test code: a function that takes a testing.TB (*testing.T,
//     *testing.B, *testing.F) and returns nothing, or such a closure
//     inside one, where a lost byte fails the test, and examples in
//     _test.go files, whose output go test compares.
//
// Datagram sockets and TUN devices never split a write, but pollpending
// cannot tell their descriptors from stream sockets; silence such a
// finding with //lint:ignore flushcheck/pollpending and the reason, or
// //nolint:flushcheck // and the reason.
package pollpending
