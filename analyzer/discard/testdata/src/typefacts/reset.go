package typefacts

import (
	"bufio"
	"io"
)

// writeHook records what it is given; its Write cannot fail.
type writeHook struct{ p []byte }

func (wh *writeHook) Write(p []byte) (int, error) {
	wh.p = p
	return len(p), nil
}

// gorilla/websocket's bufioWriterBuffer: the Reset before the Flush
// points bw at the hook.
func bufferOf(orig io.Writer, bw *bufio.Writer) []byte {
	var wh writeHook
	bw.Reset(&wh)
	bw.WriteByte(0)
	bw.Flush() // ok: bw was reset onto a writer that cannot fail
	bw.Reset(orig)
	return wh.p[:cap(wh.p)]
}

// A Reset on one branch only does not decide where the Flush writes.
func maybeHooked(orig io.Writer, bw *bufio.Writer, hook bool) []byte {
	var wh writeHook
	if hook {
		bw.Reset(&wh)
	}
	bw.WriteByte(0)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded just before returning; buffered bytes may not be written`
	return wh.p
}

// A writer handed to another function in between may be reset there.
func handedOver(bw *bufio.Writer, reset func(*bufio.Writer)) []byte {
	var wh writeHook
	bw.Reset(&wh)
	reset(bw)
	bw.WriteByte(0)
	bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded just before returning; buffered bytes may not be written`
	return wh.p
}
