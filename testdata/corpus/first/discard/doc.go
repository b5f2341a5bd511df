// Package discard holds labelled cases for the flushcheck "discard" check:
// a data-committing call whose error is thrown away on a path that reports
// success. Lines labelled bad must be reported; lines labelled ok are
// near-misses that must not be. See ../README.md for the label format.
package discard
