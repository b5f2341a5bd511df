// Package closeorder holds labelled cases for the flushcheck "closeorder"
// check: the destination is finished (closed, half-closed, flushed past,
// read, pooled, reset, or reset by SetLinger(0)) before the writer on top
// of it is finished. The label sits on the wrong-order statement: the
// early Close, the defer of the destination registered after the
// wrapper's defer (so it runs first), the Pool.Put, the Reset, the
// buf.Bytes()/String() read, the SetLinger(0).
//
// The wrapper's own Close/Flush error is logged rather than returned in
// most cases, so the function reports success while the tail is lost.
package closeorder

import (
	"io"
	"log"
)

// logClose closes c and logs a failure.
func logClose(what string, c io.Closer) {
	if err := c.Close(); err != nil {
		log.Printf("close %s: %v", what, err)
	}
}
