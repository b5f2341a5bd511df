// Package report writes a report to a file.
package report

import (
	"bufio"
	"os"
)

// Write writes lines to the file name and reports whether all of them
// reached it.
func Write(name string, lines []string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
