// Package closeorder holds labelled cases for the closeorder check: the
// destination of a buffered or finalizing writer is finished (closed,
// half-closed, reset, pooled, read, or closed with an RST) before the
// writer itself is finished.
//
// Labels are trailing line comments; see README.md at the module root.
package closeorder
