// Package ok type-checks and has a finding.
package ok

import (
	"bufio"
	"os"
)

// Save discards the error of the final Flush.
func Save(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	_, _ = bw.WriteString("x")
	_ = bw.Flush()
	return f.Close()
}
