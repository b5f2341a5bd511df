package suite_test

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// boundsDeadline bounds the analysis of each generated file. It is a
// hang detector, not a benchmark: the files take seconds, and a
// deadline minutes long keeps the test from failing on a slow or busy
// machine, or under the race detector.
const boundsDeadline = 5 * time.Minute

// TestBounds runs the suite on generated files that are extreme in
// size or depth: a function of 50,000 lines full of writes, branches,
// loops and switches, constructs nested as deep as go/parser allows
// (it resolves at most 1,000 nested scopes; a deeper file is a parse
// error, reported and not analyzed), and an expression 20,000 deep. Each must
// type-check, and the suite must finish within boundsDeadline without
// a panic or a failed analysis. (The large function takes a minute or
// more, most of it in work quadratic in the function's length.)
func TestBounds(t *testing.T) {
	guardSuite()
	fz := newFuzzer(t, fuzzSeeds(t))
	for name, src := range map[string]string{
		"LargeFunction":  largeFunction(largeLines()),
		"NestedIfs":      nested(490, "if c {\n", "}\n", "_ = bw.Flush()\n"),
		"NestedBlocks":   nested(990, "{\n", "}\n", "_, _ = bw.WriteString(\"x\")\n"),
		"NestedLoops":    nested(480, "for c {\n", "}\n", "if _, err := bw.WriteString(\"x\"); err != nil {\nreturn err\n}\nbreak\n"),
		"NestedClosures": nested(500, "func() {\n", "}()\n", "defer bw.Flush()\n"),
		"NestedDefers":   nested(500, "defer func() {\n", "}()\n", "_ = bw.Flush()\n"),
		"NestedSwitches": nested(490, "switch {\ncase c:\n", "}\n", "return bw.Flush()\n"),
		"LongExpression": longExpression(20000),
		"ManyParameters": manyWriters(1000),
	} {
		t.Run(name, func(t *testing.T) {
			if testing.Short() && name == "LargeFunction" {
				t.Skip("takes a minute or more")
			}
			path := filepath.Join(t.TempDir(), "gen.go")
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			fset := token.NewFileSet()
			fset.AddExistingFiles(fz.files...)
			pkg, typePanic := filePackage(fset, fz.u, "gen/p", path, []byte(src))
			if typePanic != nil || pkg.IllTyped {
				t.Fatalf("the generated file does not type-check: %v %v", typePanic, pkg.Errors)
			}
			pkg.Imports = nil // export data only, as in the fuzz target
			start := time.Now()
			graph := analyzeWithin(t, boundsDeadline, pkg)
			for _, c := range takeCrashes() {
				t.Errorf("%s", c)
			}
			findings := 0
			for _, act := range graph.Roots {
				if act.Err != nil {
					t.Errorf("%s: %v", act.Analyzer.Name, act.Err)
				}
				findings += len(act.Diagnostics)
			}
			t.Logf("%d lines analyzed in %v: %d findings", strings.Count(src, "\n"), time.Since(start).Round(time.Millisecond), findings)
		})
	}
}

// largeLines is the length of the large function: 50,000 lines, or
// 5,000 under the race detector, which runs ten times slower.
func largeLines() int {
	if raceEnabled {
		return 5000
	}
	return 50000
}

const header = `package p

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
)

var (
	_ io.Writer
	_ = gzip.NewWriter
	_ os.File
)
`

// largeFunction returns a file with one function of about lines lines:
// blocks of writes through a gzip writer over a bufio writer, each
// behind branches, in loops and in switches, some checked, some not.
func largeFunction(lines int) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("func big(f *os.File, c bool, n int) (err error) {\n\tbw := bufio.NewWriter(f)\n\tgz := gzip.NewWriter(bw)\n")
	for i := 0; b.Len() == 0 || strings.Count(b.String(), "\n") < lines; i += 100 {
		for k := i; k < i+100; k++ {
			fmt.Fprintf(&b, `	if c {
		if _, err := gz.Write([]byte("%d")); err != nil {
			return err
		}
	}
	switch n {
	case %d:
		_ = bw.Flush()
	case -%d:
		return gz.Close()
	}
	for j := 0; j < n; j++ {
		_, _ = bw.WriteString("x")
	}
`, k, k, k+1)
		}
	}
	b.WriteString("\tif err := gz.Close(); err != nil {\n\t\treturn err\n\t}\n\treturn bw.Flush()\n}\n")
	return b.String()
}

// nested returns a file with a function whose body nests open ... close
// depth times around inner, a bufio writer named bw and a bool c in scope.
func nested(depth int, open, close, inner string) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("func deep(f *os.File, c bool) error {\nbw := bufio.NewWriter(f)\n")
	b.WriteString(strings.Repeat(open, depth))
	b.WriteString(inner)
	b.WriteString(strings.Repeat(close, depth))
	b.WriteString("return bw.Flush()\n}\n")
	return b.String()
}

// longExpression returns a file with a write whose argument is one
// binary expression of terms terms: an AST as deep as it is long.
func longExpression(terms int) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("func long(f *os.File, s string) error {\nbw := bufio.NewWriter(f)\n_, _ = bw.WriteString(s")
	b.WriteString(strings.Repeat(" + s", terms))
	b.WriteString(")\nreturn nil\n}\n")
	return b.String()
}

// manyWriters returns a file with a function of n writer parameters,
// each written to and flushed, every other flush discarded.
func manyWriters(n int) string {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("func many(")
	for i := range n {
		fmt.Fprintf(&b, "w%d *bufio.Writer, ", i)
	}
	b.WriteString(") error {\n")
	for i := range n {
		fmt.Fprintf(&b, "_, _ = w%d.WriteString(\"x\")\n", i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "_ = w%d.Flush()\n", i)
		} else {
			fmt.Fprintf(&b, "if err := w%d.Flush(); err != nil {\nreturn err\n}\n", i)
		}
	}
	b.WriteString("return nil\n}\n")
	return b.String()
}
