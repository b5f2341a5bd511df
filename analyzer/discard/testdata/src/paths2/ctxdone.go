package paths2

import (
	"context"
	"os"
)

// Once ctx is done, ctx.Err() is non-nil: returning it reports failure.

func recordUntilDone(ctx context.Context, f *os.File, ch <-chan []byte) error {
	for {
		select {
		case <-ctx.Done():
			f.Close() // ok: the path returns ctx.Err(), non-nil once ctx is done
			return ctx.Err()
		case p := <-ch:
			if _, err := f.Write(p); err != nil {
				return err
			}
		}
	}
}

func recordUntilDoneQuietly(ctx context.Context, f *os.File, ch <-chan []byte) error {
	for {
		select {
		case <-ctx.Done():
			f.Close() // want `error from \(\*os.File\).Close on f is discarded`
			return nil
		case p := <-ch:
			if _, err := f.Write(p); err != nil {
				return err
			}
		}
	}
}

func recordUnlessCancelled(ctx context.Context, f *os.File, p []byte) error {
	if _, err := f.Write(p); err != nil {
		return err
	}
	if ctx.Err() != nil {
		f.Close() // ok: inside ctx.Err() != nil, returning ctx.Err() fails
		return ctx.Err()
	}
	return f.Close()
}
