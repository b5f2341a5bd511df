// Package regress holds shapes from the standard library that closeorder
// once reported wrongly; each must stay silent.
package regress

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/hex"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// archive/tar's benchmark: the literal is made after the Close, and
// reads the finished buffer.
func closureAfterClose(b *testing.B, body []byte) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	tw.Write(body)
	tw.Close()
	b.Run("read", func(b *testing.B) { // ok: made after tw.Close()
		for i := 0; i < b.N; i++ {
			_ = bytes.NewReader(buf.Bytes())
		}
	})
}

// compress/zlib's test: Close runs only if the write succeeded, and a
// failed write returns before the Reset.
func closeIfNoError(t *testing.T, b0 []byte) string {
	buf := new(bytes.Buffer)
	zlibw := zlib.NewWriter(buf)
	_, err := zlibw.Write(b0)
	if err == nil {
		err = zlibw.Close()
	}
	if err != nil {
		t.Errorf("%v", err)
		return ""
	}
	buf2 := new(bytes.Buffer)
	zlibw.Reset(buf2) // ok: closed on every path that gets here
	_, err = zlibw.Write(b0)
	if err == nil {
		err = zlibw.Close()
	}
	if err != nil {
		t.Errorf("%v", err)
		return ""
	}
	return buf.String() + buf2.String() // ok: both streams are closed
}

func closeIfNoErrorReturned(p []byte) ([]byte, error) { // ok: the path that skips Close returns the error
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	_, err := zw.Write(p)
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// encoding/hex's test: a write after Close fails and leaves nothing
// pending.
func writeAfterClose(t *testing.T) {
	var out strings.Builder
	dumper := hex.Dumper(&out)
	dumper.Close()
	dumper.Write([]byte(`gopher`))
	if out.String() != "" { // ok: closed before the write
		t.Fatal(out.String())
	}
}

// encoding/xml's test: the buffer is read to report a failure.
func readToFail(t *testing.T) {
	var buf strings.Builder
	enc := xml.NewEncoder(&buf)
	enc.EncodeToken(xml.CharData("hello world"))
	if buf.Len() > 0 {
		t.Fatalf("early write: %q", buf.String()) // ok: the test stops here
	}
	enc.Flush()
}

// bufio's benchmark: Reset to the same destination on each round.
func resetSameDest(src io.Reader, n int) {
	dstBuf := new(bytes.Buffer)
	dst := bufio.NewWriter(dstBuf)
	for i := 0; i < n; i++ {
		dstBuf.Reset()
		dst.Reset(dstBuf) // ok: the same destination, which was just emptied
		io.Copy(dst, src)
	}
}

// compress/flate's test: the writer's destination is not a variable.
func resetUnknownDest(p []byte) {
	w, _ := flate.NewWriter(io.Discard, 1)
	w.Write(p)
	w.Reset(io.Discard) // ok: the bytes were going to io.Discard anyway
}

// bufio's test: bufio.NewWriter(w) returns w itself when w is a large
// enough *bufio.Writer.
func bufioOverBufio() string {
	var buf4, buf5 strings.Builder
	w := bufio.NewWriter(&buf4)
	w2 := bufio.NewWriter(w)
	w2.WriteString("recur")
	w2.Flush()
	s := buf4.String()
	w.Reset(&buf5)
	w2.Reset(w)
	w2.WriteString("recur2")
	w2.Flush()
	return s + buf5.String() // ok: w2 is w
}

func perIteration(ws []io.Writer, p []byte) error { // ok: each destination gets its own stream, closed
	for _, w := range ws {
		zw := zlib.NewWriter(w)
		zw.Write(p)
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return nil
}

// x/text's test: the Close is skipped when a write failed, and the
// result is compared with the expected error.
func readAfterFailedWrite(w io.WriteCloser, bb *bytes.Buffer, chunks [][]byte) (string, error) {
	var err error
	zw := zlib.NewWriter(bb)
	for _, c := range chunks {
		if _, err = zw.Write(c); err != nil {
			break
		}
	}
	if err == nil {
		err = zw.Close()
	}
	return bb.String(), err // ok: read after the Close, or after a write that failed
}
