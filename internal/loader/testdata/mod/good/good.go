// Package good type-checks, and imports a package that does not.
package good

import (
	"bufio"
	"os"

	"example.com/mod/typeerr"
)

// Write writes s through a buffered writer.
func Write[T ~string](s T) error {
	w := bufio.NewWriter(os.Stdout)
	if _, err := w.WriteString(string(s)); err != nil {
		return err
	}
	_ = typeerr.X
	return w.Flush()
}
