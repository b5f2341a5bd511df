// Package journal appends entries to a journal file and syncs it.
package journal

import (
	"bufio"
	"io"
)

// File is the journal's file: *os.File in production.
type File interface {
	io.Writer
	Sync() error
}

// AppendBad keeps the Flush error in err and overwrites it with the
// Sync's: entries lost on a full disk are reported as appended.
func AppendBad(f File, entries []string) error {
	bw := bufio.NewWriter(f)
	for _, e := range entries {
		bw.WriteString(e)
		bw.WriteByte('\n')
	}
	err := bw.Flush() // want discard `assigned to err and overwritten before it is read`
	err = f.Sync()
	return err
}

// AppendFixed returns the Flush error before syncing.
func AppendFixed(f File, entries []string) error {
	bw := bufio.NewWriter(f)
	for _, e := range entries {
		bw.WriteString(e)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Sync()
}
