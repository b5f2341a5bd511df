// Package unflushed defines an Analyzer that reports buffered and
// finalizing writers left unfinished on some path.
//
// # Analyzer unflushed
//
// unflushed: report buffered and finalizing writers not flushed or closed on some path
//
// A buffered writer holds the bytes written to it until Flush pushes
// them on; a finalizing writer (gzip, zlib, flate, lzw, zip, tar, the
// base64, base32 and ascii85 encoders, hex.Dumper, multipart.Writer)
// writes data of its own when closed: a footer, a central directory, a
// trailer, a last block, a closing boundary. A function that creates such
// a writer, writes to it, and then returns (or closes the destination
// under it) on some path without finishing it reports success while the
// tail of the stream was never written.
//
// The check follows each writer a function creates or obtains (from a
// constructor such as bufio.NewWriter or gzip.NewWriter, from
// http.Hijacker.Hijack, or from a third-party constructor that wraps an
// io.Writer) along the function's control-flow graph, from the first
// write to every exit. It reports the first exit reached with the writer
// written but not finished: a return, the end of the function, or the
// Close of the destination under the writer. A finalizing writer is
// finished by Close (a gzip Flush does not write the footer); a buffered
// one by Flush or Close. A deferred finish covers every exit after it.
// Calling a function that finishes a writer passed to it counts as
// finishing it, across packages:
//
//	func finish(bw *bufio.Writer) error { return bw.Flush() }
//
// It also reports a finish whose failure the function notices but does
// not report: if err := bw.Flush(); err != nil { log.Print(err) }
// followed by return nil answers success over a failed flush. The same
// check in a deferred function literal runs after the result is set: it
// is reported at the first return after the defer that reports success,
// unless the failure branch sets the function's named error result.
//
// A writer the function only creates and asks questions of
// (mw.FormDataContentType()), handed to one goroutine or to a call as a
// function literal (go func() {...}(), g.Go(func() error {...})), is
// owned by that literal: its paths are searched from the literal's
// entry, so the goroutine that closes the pipe under a multipart.Writer
// it never closed is reported.
//
// A function literal bound to a variable that is only called in place
// (walk := func(n *node) { fmt.Fprintln(bw, n.name) }; walk(root)), and
// that only writes to the writer, writes it wherever it is called. A
// function with no error to return reports a failure by what it does in
// the error check; when that is writing the answer to the writer (a 502
// status line on a hijacked connection), leaving the writer unflushed
// there loses the failure's report, and is reported.
//
// And it reports, in a Close, Shutdown or Stop method, a connection
// closed without first flushing the buffered writer a type keeps over it
// in another field (c.bw = bufio.NewWriter(c.conn) anywhere in the
// package): the shape of the HTTP/1 shutdown bug.
//
// # What it does not report
//
// Paths that end in panic, os.Exit, log.Fatal or t.Fatal, and paths that
// return a non-nil error (also ctx.Err() in the select case that received
// from ctx.Done(), or under if ctx.Err() != nil): they do not report
// success. Paths after a writer escapes the function (returned, stored in
// a field, a global or another variable, sent on a channel, captured by a
// goroutine or closure, passed to a function not known to finish them):
// someone else may finish it; paths that reach an exit before it escapes
// are followed. Setting a field of the writer (zw.Name = name) is not an
// escape, nor is a struct literal passed straight to a call with the
// writer in an io.Writer field (next.ServeHTTP(gzipWriter{zw: gz}, r)):
// through it the callee can write the writer but not finish it, as
// through an io.Writer parameter.
// Writers never written to. A flush whose error is dropped (reported by
// the discard check, not twice). A destination closed before a finish
// that does happen later (reported by the closeorder check). Test code:
// a function that takes a testing.TB (*testing.T, *testing.B, *testing.F)
// and returns nothing, or such a closure inside one, where a lost byte
// fails the test, and examples in _test.go files, whose output go test
// compares.
package unflushed
