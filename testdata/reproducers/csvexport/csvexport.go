// Package csvexport writes a report as CSV to a destination such as a
// file on a disk that may fill up.
package csvexport

import (
	"encoding/csv"
	"io"
)

// WriteBad flushes the csv.Writer and never reads its error: a full
// disk truncates the report and the export reports success.
func WriteBad(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	for _, r := range rows {
		cw.Write(r) // sticky: read with Error()
	}
	cw.Flush() // want discard `cw.Error\(\) is not read after it`
	return nil
}

// WriteFixed reads the error after the Flush.
func WriteFixed(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	for _, r := range rows {
		cw.Write(r)
	}
	cw.Flush()
	return cw.Error()
}
