// Package withtests has internal and external tests.
package withtests

import "io"

// Copy copies r to w.
func Copy(w io.Writer, r io.Reader) error {
	_, err := io.Copy(w, r)
	return err
}
