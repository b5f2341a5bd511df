// Package discard defines an Analyzer that reports data-committing calls
// whose result is thrown away.
//
// # Analyzer discard
//
// discard: report flushes, writes and finalizing closes whose error is discarded
//
// A call that commits bytes to their destination returns the only
// evidence that they arrived. Throwing that result away lets the function
// report success (return nil, finish a handler, exit 0) while the tail of
// the stream is lost: the last buffer of a bufio.Writer, the footer of a
// gzip stream, the central directory of a zip archive, the remainder of a
// short write to a socket.
//
// The check reports such a call when its error is
//
//   - assigned to the blank identifier: _ = bw.Flush(), n, _ := conn.Write(p);
//   - ignored as a statement, deferred (defer gz.Close()), or run with go;
//   - checked into nothing: if err := bw.Flush(); err != nil {};
//   - never read at all: (*csv.Writer).Flush has no result, and its error
//     must be read with Error() after it;
//   - joined by errors.Join into a result lost in one of these ways: err
//     := errors.Join(zw.Close(), f.Close()) overwritten before it is read.
//
// The message names the callee and the writer, says when the discard is
// on a shutdown path (deferred, in a Close, Shutdown or Stop method, just
// before a Close or a return), and what is at stake.
//
// Data-committing calls are Flush, Write, WriteString, WriteByte,
// WriteRune, ReadFrom, WriteTo, CloseWrite and Sync on writers that can
// fail; io.Copy, io.CopyN, io.CopyBuffer, io.WriteString and fmt.Fprint*
// into such a writer; any call that writes into a file or connection it
// is given and returns an error (tmpl.Execute(f, data), png.Encode(f,
// img), json.NewEncoder(conn).Encode(v)); and Close of a finalizing writer: compress/gzip,
// zlib, flate and lzw, archive/zip and archive/tar, the encoders of
// encoding/base64, base32 and ascii85, encoding/hex.Dumper,
// mime/multipart.Writer, httputil.NewChunkedWriter, an *os.File created
// or opened for writing (or written to), and an io.WriteCloser of unknown
// type that the function wrote to. Third-party writers count by
// structure: a value built by a constructor that takes an io.Writer and
// returns a type with Close() error or Flush() error (zstd, snappy, lz4,
// pgzip), and a type with Write and Flush() error. A Flush or Close
// method that returns the result of such a call, or an errors.Join of
// it, is itself one, across packages: func (c *Conn) Flush() error {
// return c.bw.Flush() }.
//
// Before:
//
//	func save(path string, rows [][]string) error {
//		f, err := os.Create(path)
//		if err != nil {
//			return err
//		}
//		defer f.Close()
//		zw := gzip.NewWriter(f)
//		defer zw.Close()
//		...
//		return nil
//	}
//
// After:
//
//	func save(path string, rows [][]string) (err error) {
//		f, err := os.Create(path)
//		if err != nil {
//			return err
//		}
//		defer func() {
//			if cerr := f.Close(); cerr != nil && err == nil {
//				err = cerr
//			}
//		}()
//		zw := gzip.NewWriter(f)
//		...
//		return zw.Close()
//	}
//
// Suggested fixes: a discarded call in a function whose last result is an
// error becomes if err := call; err != nil { return ..., err }; a deferred
// call in a function with a named error result becomes a deferred closure
// that keeps the first error.
//
// # What it does not report
//
// Writes to writers that cannot fail (bytes.Buffer, strings.Builder,
// hash.Hash, io.Discard, and any writer stacked on one of them). Writes
// to os.Stdout and os.Stderr. Write errors of sticky writers
// (bufio.Writer, csv.Writer, the compressors), which return their first
// error again from the Flush or Close that finishes them: that final call
// is what must be checked. Writes to an http.ResponseWriter, whose errors
// only say the client went away, except copies from a source that can
// fail mid-stream (io.Copy(w, resp.Body)), which end a chunked response
// cleanly and short. Close of a reader, of a file opened read-only, of
// io.PipeWriter (always nil), of a net.Conn (a TCP close reports
// nothing about delivery: the flush before it does) and of a quic-go
// Stream or SendStream (its Close only queues the FIN, and fails only
// after CancelWrite); nor of a type without Flush whose Close is such a
// connection's or stream's, promoted from an embedded field or returned
// by its own Close after bookkeeping (http3's stateTrackingStream).
// Writes, flushes and closes into an io.PipeWriter or an end of an
// os.Pipe, which fail only when the reader has gone and nobody is left
// to tell (a pipe keeps no data for a disk). Writes through an io.Writer
// of unknown type, which may be any of the above.
//
// User writer types are judged by their method bodies, across packages:
// a Close that returns only nil commits nothing; a Write that returns
// only a nil error and calls nothing cannot fail; a type whose Write and
// Flush return a kept error field first (if w.err != nil { return ...,
// w.err }) and store the destination's errors there is sticky, as is a
// struct embedding *bufio.Writer; an unexported interface whose every
// implementation in the package is known takes their traits. A Flush or
// Close whose error stays in a sticky writer below is not lost when that
// writer's final call is checked later (tw.Flush() then return
// b.Flush()), nor, off a shutdown path, when every write of its type goes
// to a sticky field the package checks, or to a writer that keeps its
// first error in a field the package returns (image/gif's encoder), nor
// when the writer below is a parameter of an unexported function whose
// every caller passes a sticky writer there and checks a later call on
// it (image/png: a deferred zlib Close into the caller's bufio.Writer,
// whose Flush the caller checks). bw.Reset(w) on a standard-library
// writer gives it w's destination.
//
// A writer's destination is also known from where its value comes from
// beyond the function: a writer that is a parameter of an unexported
// function is judged by the argument every caller passes, where that
// argument is made, and the discard is not reported when no caller's
// argument could lose the bytes (fasthttp's releaseRealGzipWriter closes
// gzip writers made only over in-memory buffers). An unexported struct
// field holds what the package stores in it, when every store is
// followed (no address taken, no method switching its destination). A
// field of a struct value kept in such a field holds what the struct
// values stored there were built with, followed back to their literals
// through locals and the argument every caller passes to an unexported
// function (internal/fuzz's workerClient embeds a workerComm made of
// os.Pipe's ends, while the worker's own, made by os.NewFile, goes
// elsewhere); a struct whose address is taken or whose type has pointer
// methods, an exported function's parameter or a call's result is not
// followed, and a direct store into the inner field counts wherever it
// is made. A variable never assigned in the function has, in a case of
// a type switch on it, one of the types that case lists (case
// *bytes.Buffer, *strings.Builder: it cannot fail there).
//
// A user type is an in-process pipe, judged like io.PipeWriter, when it
// has Read and Write and its Write waits for the reader (a channel send
// or a sync.Cond wait), calls nothing that returns an error, and fails
// only with a package-level error variable (closed, timed out):
// fasthttputil's pipe conns. A function whose every return gives such a
// pipe as an interface (func (pc *PipeConns) Conn1() net.Conn) passes
// that on to its callers, as a fact. A writer given a destination by a
// constructor or by Reset (a pooled bufio.Writer reset in the statement
// after it is taken from the pool) is judged by every destination it is
// ever given. A queue whose Write reports "full" instead of waiting is
// not a pipe: its reader is still there to miss the bytes.
//
// A discarded Write or Flush of a sticky writer held in a field is not
// reported when the package checks that field's calls elsewhere, which
// return the error again (a Flush to cut latency, then a checked Flush);
// for a Flush in a function that returns an error, that must be a
// checked Flush, Close or Error, since a later Write returns the error
// only with the next message, after this one was reported sent. It is
// reported when the function assigned the error itself and loses it, or
// closes the writer's destination after it (c.bw.Flush(); return
// c.conn.Close()): no later call returns the error. A file closed and
// then removed (by f.Name() or the path it was created with), or a writer
// over it, keeps nothing; removing another file excuses nothing.
//
// A discard on a path that already reports failure is not a truncation:
// inside if err != nil { ...; return ..., err }, before a panic, os.Exit
// or log.Fatal, or before a return of a constructed error. Paths are
// followed past branches, breaks and loops, knowing an error non-nil
// after err != nil or err == ErrX, ErrX a package-level error built by
// errors.New, fmt.Errorf or a composite literal; ctx.Err() is non-nil in
// the select case that received from ctx.Done() and under if ctx.Err()
// != nil. A discard from which no
// path returns (the function hangs or exits) reports no success either,
// unless it lies in a loop that writes on after it. An error assigned to
// a variable is lost only on a path that then reports success: if errf
// := zw.Flush(); err == nil { err = errf } drops errf only where err is
// non-nil and returned. A discard in a failure-path helper is on a
// failing path too: an unexported function or method of the package
// (named by no interface and no //go:linkname) whose every use is a call,
// as a statement or the right side of an assignment, followed only by
// failure (writeError(bw, err); return err); a goroutine it starts is
// not covered. A deferred discard is a safety net, not a bug,
// when the function also finishes the same writer with a call whose
// error it uses (defer f.Close() beside return f.Close()), and is on a
// failing path when every exit after the defer returns a non-nil error
// (and a deferred closure does not set the results). A csv.Writer that is a parameter or a field is
// flushed for its owner, who may read Error(). Test code: a function
// that takes a testing.TB (*testing.T, *testing.B, *testing.F) and
// returns nothing, or such a closure inside one, where a lost byte fails
// the test rather than reporting success, and examples in _test.go
// files, whose output go test compares; a test helper that returns a
// value (the name of the file it wrote) is judged like any function.
//
// Silence one finding with a reason: //lint:ignore flushcheck/discard
// reason, or //nolint:flushcheck // reason.
package discard
