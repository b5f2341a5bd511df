// Package zipexport streams a zip archive of files to a destination,
// such as an object-store upload or a file on a disk with a quota.
package zipexport

import (
	"archive/zip"
	"io"
	"iter"
)

// File is one entry of the archive.
type File struct {
	Name string
	Data []byte
}

// ExportBad closes the archive in a deferred call and drops its error:
// when the destination fails while the central directory is written,
// the archive cannot be opened and the export reports success.
func ExportBad(w io.Writer, files iter.Seq[File]) error {
	zw := zip.NewWriter(w)
	defer zw.Close() // want discard `Close on zw is discarded in a deferred call`
	for f := range files {
		fw, err := zw.Create(f.Name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return nil
}

// ExportFixed returns the error of the Close that writes the central
// directory.
func ExportFixed(w io.Writer, files iter.Seq[File]) error {
	zw := zip.NewWriter(w)
	for f := range files {
		fw, err := zw.Create(f.Name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}
