package main

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/flushcheck/flushcheck/analyzer/suite"
	"github.com/flushcheck/flushcheck/flushtest"
)

// tally is what the runs of one shape gave.
type tally struct {
	promised           int64
	minimum, maximum   int64 // bytes delivered
	outcomes           map[flushtest.Outcome]int
	harnessErr         error
	delivered, counted int64 // their sum and number, for the chart's mean
}

func (t *tally) add(v flushtest.Verdict) {
	if t.outcomes == nil {
		t.outcomes = map[flushtest.Outcome]int{}
		t.minimum, t.maximum = v.Delivered, v.Delivered
	}
	t.promised = v.Promised
	t.minimum, t.maximum = min(t.minimum, v.Delivered), max(t.maximum, v.Delivered)
	t.outcomes[v.Outcome]++
	t.delivered += v.Delivered
	t.counted++
}

// mean returns the mean share of the promise delivered, 0 to 1.
func (t *tally) mean() float64 {
	if t.counted == 0 || t.promised == 0 {
		return 0
	}
	return float64(t.delivered) / float64(t.counted) / float64(t.promised)
}

// result is one row of the table.
type result struct {
	row        row
	diagnostic string
	bad, fixed tally
}

// measure runs every row's shapes o.runs times and, with o.analyze,
// finds the diagnostic of each bad shape.
func measure(rs []row, o *options) ([]result, error) {
	var reps map[string]*report
	if o.analyze {
		var err error
		if reps, err = analyze(".", packagesOf(rs)); err != nil {
			return nil, err
		}
	}
	out := make([]result, len(rs))
	for i, r := range rs {
		out[i] = result{row: r, diagnostic: diagnosticOf(reps, r)}
		for range o.runs {
			record(&out[i].bad, r, false)
			record(&out[i].fixed, r, true)
		}
	}
	return out, nil
}

func record(t *tally, r row, fixed bool) {
	v, err := r.run(fixed)
	if err != nil {
		t.harnessErr = err
		return
	}
	t.add(v)
}

// diagnosticOf returns the message the row's check reports on its bad
// shape, or says why there is none.
func diagnosticOf(reps map[string]*report, r row) string {
	if reps == nil {
		return "(not analyzed)"
	}
	if _, ok := suite.Lookup(r.check); !ok {
		return "pending: " + r.check + " is not in the suite yet"
	}
	for _, s := range reps[r.pkg].shapes {
		for _, f := range s.findings {
			if s.variant == "bad" && f.check == r.check {
				return f.message
			}
		}
	}
	return "NOT FLAGGED"
}

// packagesOf lists the reproducer packages of rs, each once.
func packagesOf(rs []row) []string {
	var out []string
	for _, r := range rs {
		if !slices.Contains(out, r.pkg) {
			out = append(out, r.pkg)
		}
	}
	return out
}

func markdown(results []result, runs int) string {
	var b strings.Builder
	b.WriteString("| check | rule | reproducer | pattern (bad shape) | pressure | diagnostic on the bad shape | bytes promised | bad: delivered | bad: verdict | fixed: delivered | fixed: verdict |\n")
	b.WriteString("|---|---|---|---|---|---|--:|--:|---|--:|---|\n")
	for _, r := range results {
		fmt.Fprintf(&b, "| %s | %s | `%s` | %s | %s | %s | %d | %s | %s | %s | %s |\n",
			r.row.check, r.row.rule, r.row.pkg, r.row.pattern, r.row.pressure, cell(r.diagnostic),
			r.bad.promised, delivered(r.bad), verdicts(r.bad, runs), delivered(r.fixed), verdicts(r.fixed, runs))
	}
	return b.String()
}

// cell escapes text for a Markdown table cell: pipes end cells, stars
// start emphasis.
func cell(s string) string { return strings.NewReplacer("|", "\\|", "*", "\\*").Replace(s) }

func delivered(t tally) string {
	if t.minimum == t.maximum {
		return fmt.Sprint(t.minimum)
	}
	return fmt.Sprintf("%d–%d", t.minimum, t.maximum)
}

// verdicts lists the outcomes with their counts, most frequent first.
func verdicts(t tally, runs int) string {
	if t.harnessErr != nil {
		return "harness error: " + cell(t.harnessErr.Error())
	}
	var parts []string
	for _, o := range []flushtest.Outcome{flushtest.Truncated, flushtest.Complete, flushtest.Reported, flushtest.Excess} {
		if n := t.outcomes[o]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d/%d", o, n, runs))
		}
	}
	return strings.Join(parts, ", ")
}

const (
	beginMarker = "<!-- begin flushrepro table -->\n"
	endMarker   = "<!-- end flushrepro table -->"
)

// updateDoc replaces the table between the markers of the file at path.
func updateDoc(path, table string) error {
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	i, j := bytes.Index(doc, []byte(beginMarker)), bytes.Index(doc, []byte(endMarker))
	if i < 0 || j < i {
		return fmt.Errorf("%s has no %q ... %q markers", path, strings.TrimSpace(beginMarker), endMarker)
	}
	var b bytes.Buffer
	b.Write(doc[:i+len(beginMarker)])
	b.WriteString(table)
	b.Write(doc[j:])
	return os.WriteFile(path, b.Bytes(), 0o644)
}
