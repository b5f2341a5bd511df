package discard

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net"
	"os"
)

// exportCSV flushes a csv.Writer over a file and never asks Error():
// csv.Writer.Flush has no result, the write error is only in Error().
func exportCSV(path string, records [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	for _, rec := range records {
		if err := cw.Write(rec); err != nil {
			f.Close()
			return err
		}
	}
	cw.Flush() // LABEL: bad discard
	return f.Close()
}

// pushCSV streams records to a connection; Flush without Error().
func pushCSV(conn net.Conn, records [][]string) error {
	cw := csv.NewWriter(conn)
	cw.Comma = ';'
	for _, rec := range records {
		cw.Write(rec)
	}
	cw.Flush() // LABEL: bad discard
	return nil
}

// writeAllCSV drops the result of WriteAll, which flushes and returns Error().
func writeAllCSV(path string, records [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	cw.WriteAll(records) // LABEL: bad discard
	return f.Close()
}

// appendCSVRow defers Flush and never checks Error().
func appendCSVRow(f *os.File, row []string) error {
	cw := csv.NewWriter(f)
	defer cw.Flush() // LABEL: bad discard
	return cw.Write(row)
}

// ---- near-misses ----

// exportCSVChecked ignores sticky record writes and checks Error() after Flush.
func exportCSVChecked(path string, records [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	for _, rec := range records {
		cw.Write(rec) // LABEL: ok discard
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return fmt.Errorf("csv: %w", err)
	}
	return f.Close()
}

// pushCSVChecked returns Error() right after Flush.
func pushCSVChecked(conn net.Conn, records [][]string) error {
	cw := csv.NewWriter(conn)
	for _, rec := range records {
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush() // LABEL: ok discard
	return cw.Error()
}

// csvString renders records into memory.
func csvString(records [][]string) string {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.WriteAll(records) // LABEL: ok discard
	return buf.String()
}

// csvLine renders one record into memory with Flush and no Error().
func csvLine(rec []string) []byte {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(rec)
	cw.Flush() // LABEL: ok discard
	return buf.Bytes()
}
