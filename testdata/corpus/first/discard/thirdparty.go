package discard

import (
	"bytes"
	"context"
	"io"
	"net"
	"os"

	"heldout/third/objstore"
	"heldout/third/snappy"
	"heldout/third/zstd"
)

// compressZstd drops the third-party encoder's Close, which writes the frame.
func compressZstd(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc, err := zstd.NewWriter(f)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := enc.Write(data); err != nil {
		f.Close()
		return err
	}
	enc.Close() // LABEL: bad discard
	return f.Close()
}

// sendZstd defers the encoder's Close over a connection.
func sendZstd(conn net.Conn, data []byte) error {
	enc, err := zstd.NewWriter(conn)
	if err != nil {
		return err
	}
	defer enc.Close() // LABEL: bad discard
	_, err = enc.Write(data)
	return err
}

// sendSnappy ignores the framing writer's Flush.
func sendSnappy(conn net.Conn, blocks [][]byte) error {
	sw := snappy.NewBufferedWriter(conn)
	for _, b := range blocks {
		if _, err := sw.Write(b); err != nil {
			return err
		}
	}
	_ = sw.Flush() // LABEL: bad discard
	return nil
}

// uploadReport defers the upload writer's Close, which commits the object.
func uploadReport(ctx context.Context, b *objstore.Bucket, key string, report []byte) error {
	w, err := b.NewWriter(ctx, key)
	if err != nil {
		return err
	}
	defer w.Close() // LABEL: bad discard
	_, err = w.Write(report)
	return err
}

// uploadStream copies into the upload and drops the commit.
func uploadStream(ctx context.Context, b *objstore.Bucket, key string, r io.Reader) error {
	w, err := b.NewWriter(ctx, key)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	w.Close() // LABEL: bad discard
	return nil
}

// ---- near-misses ----

// zstdInMemory closes an encoder stacked on a bytes.Buffer.
func zstdInMemory(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	enc, err := zstd.NewWriter(&buf)
	if err != nil {
		return nil, err
	}
	if _, err := enc.Write(data); err != nil {
		return nil, err
	}
	enc.Close() // LABEL: ok discard
	return buf.Bytes(), nil
}

// snappySize measures the framed size against io.Discard.
func snappySize(blocks [][]byte) int {
	n := 0
	sw := snappy.NewBufferedWriter(io.Discard)
	for _, b := range blocks {
		m, _ := sw.Write(b)
		n += m
	}
	sw.Close() // LABEL: ok discard
	return n
}

// uploadChecked returns the commit's error.
func uploadChecked(ctx context.Context, b *objstore.Bucket, key string, data []byte) error {
	w, err := b.NewWriter(ctx, key)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Close() // LABEL: ok discard
		return err
	}
	return w.Close()
}

// downloadTo closes the object reader.
func downloadTo(ctx context.Context, b *objstore.Bucket, key string, dst io.Writer) error {
	r, err := b.NewReader(ctx, key)
	if err != nil {
		return err
	}
	defer r.Close() // LABEL: ok discard
	_, err = io.Copy(dst, r)
	return err
}
