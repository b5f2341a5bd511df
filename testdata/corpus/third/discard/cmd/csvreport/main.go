// Command csvreport writes a CSV summary of the given files.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"strconv"
	"text/tabwriter"
)

type row struct {
	name string
	size int64
}

func collect(paths []string) ([]row, error) {
	rows := make([]row, 0, len(paths))
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row{name: p, size: fi.Size()})
	}
	return rows, nil
}

// writeReport writes the CSV report. Flush has no result and Error is
// never read: a full disk yields a short report and exit status 0.
func writeReport(path string, rows []row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.Write([]string{"file", "bytes"}); err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Write([]string{r.name, strconv.FormatInt(r.size, 10)}); err != nil {
			return err
		}
	}
	w.Flush() // LABEL: bad discard
	return f.Close()
}

func printSummary(rows []row) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\n", r.name, r.size) // LABEL: ok discard
	}
	tw.Flush() // LABEL: ok discard
}

func main() {
	out := flag.String("o", "report.csv", "output file")
	quiet := flag.Bool("q", false, "do not print a summary")
	flag.Parse()

	rows, err := collect(flag.Args())
	if err == nil {
		err = writeReport(*out, rows)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "csvreport:", err) // LABEL: ok discard
		os.Exit(1)
	}
	if !*quiet {
		printSummary(rows)
	}
}
