package unflushed

import (
	"bufio"
	"context"
	"io"
	"net"

	"heldout2/internal/finish"
	"heldout2/internal/recordio"
	"heldout2/third/objstore"
	"heldout2/third/snappy"
	"heldout2/third/zstd"
)

// compressLog stops at the byte budget and reports success with the zstd
// frame unterminated.
func compressLog(dst io.Writer, lines []string, maxBytes int) error {
	enc, err := zstd.NewWriter(dst, zstd.WithEncoderLevel(zstd.SpeedFastest))
	if err != nil {
		return err
	}
	n := 0
	for _, l := range lines {
		if n+len(l) > maxBytes {
			return nil // LABEL: bad unflushed
		}
		k, err := io.WriteString(enc, l+"\n")
		if err != nil {
			return err
		}
		n += k
	}
	return enc.Close()
}

// compressStream closes the encoder from a deferred closure that feeds
// the named result.
func compressStream(dst io.Writer, src io.Reader) (err error) {
	enc, err := zstd.NewWriter(dst)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := enc.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = io.Copy(enc, src)
	return err // LABEL: ok unflushed
}

// uploadReport writes the object and never commits it.
func uploadReport(ctx context.Context, tr io.Writer, key string, rep []byte) error {
	w := objstore.NewWriter(ctx, tr, key)
	w.ContentType = "application/json"
	if _, err := w.Write(rep); err != nil {
		w.CloseWithError(err)
		return err
	}
	return nil // LABEL: bad unflushed
}

// uploadStream aborts on failure and commits on success.
func uploadStream(ctx context.Context, tr io.Writer, key string, r io.Reader) error {
	w := objstore.NewWriter(ctx, tr, key)
	if _, err := io.Copy(w, r); err != nil {
		w.CloseWithError(err)
		return err // LABEL: ok unflushed
	}
	return w.Close()
}

var uploadMagic = []byte("HDL2")

// openUpload starts an upload and returns the writer; the caller commits.
func openUpload(ctx context.Context, tr io.Writer, key string) (io.WriteCloser, error) {
	w := objstore.NewWriter(ctx, tr, key)
	if _, err := w.Write(uploadMagic); err != nil {
		w.CloseWithError(err)
		return nil, err
	}
	return w, nil // LABEL: ok unflushed
}

// writeFramed flushes only urgent batches; the others stay in the
// framing writer's buffer.
func writeFramed(conn net.Conn, msgs [][]byte, urgent bool) error {
	sw := snappy.NewBufferedWriter(conn)
	for _, m := range msgs {
		if _, err := sw.Write(m); err != nil {
			return err
		}
	}
	if urgent {
		return sw.Flush()
	}
	return nil // LABEL: bad unflushed
}

// writeFramedFlushed finishes through a helper in another package.
func writeFramedFlushed(conn net.Conn, msgs [][]byte) error {
	sw := snappy.NewBufferedWriter(conn)
	for _, m := range msgs {
		if _, err := sw.Write(m); err != nil {
			return err
		}
	}
	return finish.Flush(sw) // LABEL: ok unflushed
}

// writeBatch skips empty records and never writes the trailer.
func writeBatch(w io.Writer, recs [][]byte) error {
	rw := recordio.NewWriter(w)
	for _, r := range recs {
		if len(r) == 0 {
			continue
		}
		if err := rw.WriteRecord(r); err != nil {
			return err
		}
	}
	return nil // LABEL: bad unflushed
}

// writeBatchClosed closes the record writer through a helper.
func writeBatchClosed(w io.Writer, recs [][]byte) error {
	rw := recordio.NewWriter(w)
	for _, r := range recs {
		if err := rw.WriteRecord(r); err != nil {
			return err
		}
	}
	return finish.Close(rw) // LABEL: ok unflushed
}

// prefixWriter prefixes every line; it buffers until Flush.
type prefixWriter struct {
	bw     *bufio.Writer
	prefix string
	bol    bool
}

func newPrefixWriter(w io.Writer, prefix string) *prefixWriter {
	return &prefixWriter{bw: bufio.NewWriter(w), prefix: prefix, bol: true}
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	for i, c := range b {
		if p.bol {
			if _, err := p.bw.WriteString(p.prefix); err != nil {
				return i, err
			}
		}
		if err := p.bw.WriteByte(c); err != nil {
			return i, err
		}
		p.bol = c == '\n'
	}
	return len(b), nil
}

func (p *prefixWriter) Flush() error { return p.bw.Flush() }

// logChildOutput copies a child's output through the prefixer and never
// flushes it.
func logChildOutput(w io.Writer, name string, out []byte) error {
	pw := newPrefixWriter(w, "["+name+"] ")
	if _, err := pw.Write(out); err != nil {
		return err
	}
	return nil // LABEL: bad unflushed
}
