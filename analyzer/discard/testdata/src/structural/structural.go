package structural

import (
	"bytes"
	"context"
	"io"

	"cloud"
	"github.com/klauspost/compress/zstd"
)

func compress(w io.Writer, p []byte) error {
	zw, err := zstd.NewWriter(w)
	if err != nil {
		return err
	}
	defer zw.Close() // want `error from \(\*zstd.Encoder\).Close on zw is discarded in a deferred call; data held by the writer may not be written`
	_, err = zw.Write(p)
	return err
}

func compressChecked(w io.Writer, p []byte) error {
	zw, err := zstd.NewWriter(w)
	if err != nil {
		return err
	}
	if _, err := zw.Write(p); err != nil {
		zw.Close() // ok: failing path
		return err
	}
	return zw.Close()
}

func compressToBuffer(p []byte) []byte {
	var buf bytes.Buffer
	zw, _ := zstd.NewWriter(&buf)
	zw.Write(p)
	zw.Close() // ok: into a bytes.Buffer
	return buf.Bytes()
}

func upload(ctx context.Context, o *cloud.Object, p []byte) error {
	w := o.NewWriter(ctx)
	if _, err := w.Write(p); err != nil {
		return err
	}
	w.Close() // want `error from \(\*cloud.Writer\).Close on w is discarded just before returning; data written to it may not be committed`
	return nil
}

func abandon(ctx context.Context, o *cloud.Object) {
	w := o.NewWriter(ctx)
	w.Close() // ok: nothing was written
}
