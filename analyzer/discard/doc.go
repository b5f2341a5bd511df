// Package discard defines an Analyzer that reports data-committing calls
// whose result is thrown away.
//
// # Analyzer discard
//
// discard: report flushes, writes and finalizing closes whose error is discarded
//
// A call that commits bytes to their destination (Flush, Write, io.Copy,
// the Close of a gzip, zip, tar or base64 writer, the Close of a file
// opened for writing) returns the only evidence that the bytes arrived.
// Throwing that result away lets the function report success while the
// tail of the stream is lost.
//
// (Work in progress: the full documentation lands with the analyzer.)
package discard
