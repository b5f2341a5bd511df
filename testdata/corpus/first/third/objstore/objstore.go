// Package objstore is a local stand-in for an object-store client
// (shaped like cloud.google.com/go/storage or gocloud.dev/blob): the
// object exists only once the writer's Close returns nil.
package objstore

import (
	"context"
	"io"
	"os"
	"path/filepath"
)

// Bucket is a directory standing in for a remote bucket.
type Bucket struct {
	dir string
}

// Open returns the bucket rooted at dir.
func Open(dir string) *Bucket {
	return &Bucket{dir: dir}
}

// NewWriter starts an upload of key. The upload is committed by Close.
func (b *Bucket) NewWriter(ctx context.Context, key string) (io.WriteCloser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(b.dir, "upload-*")
	if err != nil {
		return nil, err
	}
	return &writer{f: f, final: filepath.Join(b.dir, key)}, nil
}

// NewReader opens key for reading.
func (b *Bucket) NewReader(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return os.Open(filepath.Join(b.dir, key))
}

type writer struct {
	f     *os.File
	final string
}

func (w *writer) Write(p []byte) (int, error) {
	return w.f.Write(p)
}

func (w *writer) Close() error {
	if err := w.f.Close(); err != nil {
		return err
	}
	return os.Rename(w.f.Name(), w.final)
}
