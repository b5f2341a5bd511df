// Package closeorder defines an Analyzer that reports destinations
// finished before the writers stacked on them.
//
// # Analyzer closeorder
//
// closeorder: report destinations closed, pooled or read before the writer over them is finished
//
// A buffered or finalizing writer holds the tail of its stream until it
// is flushed or closed: the last buffer of a bufio.Writer, the footer of
// a gzip stream, the central directory of a zip archive, the last block
// of a base64 encoder. If the destination under it is finished first, that
// tail goes to a closed file or connection (or nowhere), and what the
// reader gets is truncated while the writer side may have returned nil.
// closeorder follows each function's control-flow graph and reports, on a
// path that can reach the order shown:
//
//   - explicit order: the destination closed (Close or CloseWrite) before
//     the writer over it is flushed or closed; and, for writers layered
//     on a buffered writer the function made (gzip over bufio over a
//     file), the buffered writer flushed for the last time before the
//     writer over it is finished, whose last bytes then stay in the
//     buffer;
//   - defer order: defers run last in, first out, so
//     defer gz.Close() registered before defer f.Close() closes f first,
//     and registered before defer bw.Flush() of the bufio.Writer under
//     it flushes bw before the footer is written; and an explicit
//     f.Close() or last bw.Flush() runs before a deferred gz.Close();
//   - hand-back before finish: the writer put back in a sync.Pool while
//     written and not finished (a compressor is finished by Close: after
//     a Flush its footer is still to come), or finished after it is back
//     (by an explicit call, or by a defer that runs after the Put; a
//     writer held in a field too), or Reset to another destination with
//     written bytes not yet finished, which Reset discards (also a
//     deferred Reset that runs before the deferred Close). A writer in a
//     field that a function of the package writes to and leaves
//     unfinished (func (s *T) Send(p []byte) { s.bw.Write(p) }) may hold
//     bytes between calls: Reset to a destination the function brings (a
//     local or parameter: s.bw.Reset(nc)) before a Flush or Close
//     discards them;
//   - reading the result too early: Bytes or String of the bytes.Buffer
//     (or String of the strings.Builder) under a buffered or finalizing
//     writer, or the buffer passed where a reader is wanted
//     (http.Post(url, ct, &buf), io.Copy(dst, &buf)), read after writes
//     and before its Flush or Close; a deferred Close runs after the
//     read. This holds for in-memory buffers too: the missing footer is
//     missing from the result. A read after a Flush of a compressor is
//     too early when the compressor is closed later and the buffer not
//     read again: the footer went where nothing reads it;
//   - SetLinger(0) on a connection the function wrote to, followed by its
//     Close: the kernel sends RST and drops the bytes not yet sent.
//
// An order is reported at the statement to move: the destination's
// close (or its defer) that comes too early, with the writer's late
// finish as related information; a hand-back, Reset or read at itself.
// A call in a deferred function literal is reported at the literal's
// defer statement (defer func() {).
//
// For example:
//
//	f, err := os.Create(path)
//	if err != nil {
//		return err
//	}
//	zw := gzip.NewWriter(f)
//	defer zw.Close()
//	defer f.Close() // defer f.Close() runs before defer zw.Close(); the gzip footer is written to a closed file
//
// The message names both calls, the writer, its type and what is lost;
// related information points at the writer's constructor and at the
// call that closed the destination. When the two defers stand next to
// each other, a suggested fix swaps them.
//
// Which writer wraps which destination comes from the knowledge the
// suite shares: the constructor that made the writer (bufio.NewWriter,
// gzip.NewWriter, zip.NewWriter, base64.NewEncoder, csv.NewWriter, and
// third-party constructors by structure), a Reset to a destination, and
// the connection and bufio.ReadWriter returned together by Hijack. A
// connection reached through a type assertion (tc :=
// conn.(*net.TCPConn)) is the same connection, and a method value held
// in a variable (stop := conn.Close) is followed to its receiver.
//
// closeorder deliberately does not report:
//
//   - orders on a path that already reports failure: the close, put,
//     reset or read is followed only by a return of a non-nil error (also
//     one known non-nil from an earlier err == nil test), a panic or a
//     call that never returns, or is itself in the arguments of one
//     (t.Fatalf("%q", buf.String())); and deferred calls whose only exits
//     report failure. In a function with no error to return, a return in
//     the error check of a read (line, err := br.ReadString('\n')) is not
//     one: the input ended, as a stream ends with io.EOF, and the defers
//     run on a path that claims success;
//   - a buffered destination flushed again after the writer over it is
//     finished, or that is a parameter, a field or goes where the
//     function cannot follow it: its owner may flush it later;
//   - a writer with nothing pending: a second Flush or Close after the
//     one that finished it (such as a deferred Close kept as a safety net
//     beside an explicit one), a write after Close (it fails), a Flush of
//     a compressor before reading the buffer (streaming in chunks), unless
//     a deferred Close is left to write the footer after the read, or
//     the Close that writes it is followed by no read of the buffer;
//   - a writer or connection that goes where the function cannot follow
//     it (returned, stored, aliased, captured by a function literal,
//     passed to a function that may close it) is treated as finished from
//     there on; a function of the same package that closes or flushes
//     its parameter counts as doing so; one call of such a function
//     that finishes a writer and closes its destination
//     (relay(conn, brw)) is taken to finish the writer first: its order
//     is its own;
//   - writers that are parameters or fields, whose destination the
//     function does not know, but for the pool and Reset orders above; a
//     Reset when the old destination is not a variable (io.Discard) or is
//     the same as the new one, or, for a field writer, when the new one is
//     a field or a copy of one (it may be where the writer writes
//     already), or the function is itself a Reset, whose contract is to
//     discard;
//   - bufio.NewWriter over a *bufio.Writer, which may return it unchanged;
//   - a writer never finished at all on a path: the unflushed check
//     reports those, except when the writer is handed back to a pool;
//   - SetLinger(0) on a connection the function did not write to, or
//     read from after its last write (the peer answered, so it had the
//     bytes), or with a positive timeout;
//   - test code: a function that takes a testing.TB (*testing.T,
//     *testing.B, *testing.F) and returns nothing, or such a closure
//     inside one, where a lost byte fails the test, and examples in
//     _test.go files, whose output go test compares.
//
// A function literal starts from the state of the variables it captures
// where it is made (a deferred one: at the exits of the function that
// defers it).
//
// Silence one finding with a reason: //lint:ignore flushcheck/closeorder
// reason, or //nolint:flushcheck // reason.
package closeorder
