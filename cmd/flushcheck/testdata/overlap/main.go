// Command overlap defers a gzip writer's Close before its file's: closeorder
// swaps the two defers, discard wraps each; the fixes overlap.
package main

import (
	"compress/gzip"
	"os"
)

func write(name string, data []byte) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	defer gz.Close()
	defer f.Close()
	_, err = gz.Write(data)
	return err
}

func main() {
	if err := write(os.DevNull, []byte("x")); err != nil {
		os.Exit(1)
	}
}
