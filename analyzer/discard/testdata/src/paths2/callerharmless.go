package paths2

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
)

// fasthttp's shape: compressCtx.w is set only in the branch of a type
// switch over in-memory writers, so the gzip writer that
// releaseGzip closes writes into memory, and its Close cannot fail.
type compressCtx struct {
	w io.Writer
	p []byte
}

func writeGzip(w io.Writer, p []byte) (int, error) {
	switch w.(type) {
	case *bytes.Buffer, *strings.Builder:
		ctx := &compressCtx{w: w, p: p}
		gzipInMemory(ctx)
		return len(p), nil
	default:
		zw := gzip.NewWriter(w)
		n, err := zw.Write(p)
		if err != nil {
			return n, err
		}
		return n, zw.Close()
	}
}

func gzipInMemory(ctx *compressCtx) {
	zw := gzip.NewWriter(ctx.w)
	zw.Write(ctx.p)
	releaseGzip(zw)
}

func releaseGzip(zw *gzip.Writer) {
	zw.Close() // ok: its one caller's writer is over compressCtx.w, only ever an in-memory writer
}

// lossyCtx.w is also set from a file: the gzip footer may be lost.
type lossyCtx struct {
	w io.Writer
}

func writeLossy(w io.Writer, f *os.File, p []byte) {
	var ctx lossyCtx
	switch w.(type) {
	case *bytes.Buffer:
		ctx = lossyCtx{w: w}
	default:
		ctx = lossyCtx{w: f}
	}
	zw := gzip.NewWriter(ctx.w)
	zw.Write(p)
	releaseLossy(zw)
}

func releaseLossy(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}

// A type switch that binds the value narrows it the same way.
func writeBound(w io.Writer, p []byte) {
	switch b := w.(type) {
	case *bytes.Buffer, *strings.Builder:
		zw := gzip.NewWriter(b)
		zw.Write(p)
		releaseBound(zw)
	}
}

func releaseBound(zw *gzip.Writer) {
	zw.Close() // ok: the one caller's writer is over a *bytes.Buffer or *strings.Builder
}

// A case that also lists a file does not narrow to memory.
func writeMixed(w io.Writer, p []byte) {
	switch w.(type) {
	case *bytes.Buffer, *os.File:
		zw := gzip.NewWriter(w)
		zw.Write(p)
		releaseMixed(zw)
	}
}

func releaseMixed(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}

// The switched variable is reassigned in the case: its type is no
// longer known there.
func writeReassigned(w io.Writer, f *os.File, p []byte) {
	switch w.(type) {
	case *bytes.Buffer:
		if len(p) > 10 {
			w = f
		}
		zw := gzip.NewWriter(w)
		zw.Write(p)
		releaseReassigned(zw)
	}
}

func releaseReassigned(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}

// One caller passes memory, the other a file: the helper is judged by
// the worse.
func releaseTwo(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}

func useTwo(buf *bytes.Buffer, f *os.File) {
	releaseTwo(gzip.NewWriter(buf))
	releaseTwo(gzip.NewWriter(f))
}

// An exported helper can be called from elsewhere with any writer.
func ReleaseExported(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}

func useExported(buf *bytes.Buffer) {
	ReleaseExported(gzip.NewWriter(buf))
}

// A helper also used as a value may be called with anything.
func releaseValue(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}

func useValue(buf *bytes.Buffer) func(*gzip.Writer) {
	releaseValue(gzip.NewWriter(buf))
	return releaseValue
}

// addrCtx.w's address is taken: it may be set through the pointer.
type addrCtx struct {
	w io.Writer
}

func setWriter(p *io.Writer, f *os.File) { *p = f }

func writeAddr(w io.Writer, f *os.File, p []byte) {
	switch w.(type) {
	case *bytes.Buffer:
		ctx := &addrCtx{w: w}
		setWriter(&ctx.w, f)
		zw := gzip.NewWriter(ctx.w)
		zw.Write(p)
		releaseAddr(zw)
	}
}

func releaseAddr(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}

// A generic struct's field is one field for every instance.
type genericCtx[T any] struct {
	w    io.Writer
	meta T
}

func writeGeneric[T any](w io.Writer, meta T, p []byte) {
	if b, ok := w.(*bytes.Buffer); ok {
		ctx := genericCtx[T]{w: b, meta: meta}
		zw := gzip.NewWriter(ctx.w)
		zw.Write(p)
		releaseGeneric(zw)
	}
}

func releaseGeneric(zw *gzip.Writer) {
	zw.Close() // ok: genericCtx.w only ever holds a *bytes.Buffer
}

// posCtx is also filled by position, there with a file.
type posCtx struct {
	w io.Writer
}

func writePositional(buf *bytes.Buffer, f *os.File, p []byte) {
	ctx := posCtx{w: buf}
	if len(p) > 10 {
		ctx = posCtx{f}
	}
	zw := gzip.NewWriter(ctx.w)
	zw.Write(p)
	releasePositional(zw)
}

func releasePositional(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}

// pkgCtx is set at package level, to a file.
type pkgCtx struct {
	w io.Writer
}

var defaultCtx = pkgCtx{w: openLog()}

func openLog() *os.File {
	f, _ := os.Create("log.gz")
	return f
}

func writePkg(p []byte) {
	zw := gzip.NewWriter(defaultCtx.w)
	zw.Write(p)
	releasePkg(zw)
}

func releasePkg(zw *gzip.Writer) {
	zw.Close() // want `error from \(\*gzip.Writer\).Close on zw is discarded`
}
