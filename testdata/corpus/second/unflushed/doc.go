// Package unflushed holds labelled cases for the unflushed check: a
// buffered or finalizing writer that is written to and then, on some path,
// reported as done (nil error, no error result, destination closed)
// without a successful Flush or Close.
//
// Labels are trailing line comments; see README.md at the module root.
package unflushed
