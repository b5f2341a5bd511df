// Package unflushed holds labelled cases for the flushcheck "unflushed"
// check: a buffered or finalizing writer that was written to and, on some
// path, the function reports success (returns, falls off its end) or
// closes the destination without a successful Flush/Close of the writer.
// The label sits on the exit: the return, the function's closing brace,
// or the destination's Close call.
package unflushed
