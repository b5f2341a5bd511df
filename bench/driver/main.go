// Command driver is the benchmark's floor: it loads and analyzes packages
// exactly as the standalone flushcheck does (internal/loader: every
// package, dependencies and test variants included, analyzed as soon as
// it is type-checked), but lets the benchmark choose the analyzers: a
// no-op analyzer (the cost of loading and type-checking alone), shared
// passes the checks build on (syntax, flowgraph), one check of the
// suite, or all of them. It can write CPU and heap profiles, which the
// flushcheck command cannot.
//
//	driver [-test=false] [-analyzers noop|all|NAME,...] [-cpuprofile F] [-memprofile F] [-timing] packages...
//
// It prints the number of diagnostics in the root packages on stdout;
// with -timing, how long loading and analysis took together on stderr.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/flushcheck/flushcheck/internal/loader"
	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// noop does nothing: running it costs what the checker costs on top of
// loading, which is next to nothing.
var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop: does nothing; measures loading and type-checking",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "driver: %v\n", err)
		os.Exit(2)
	}
}

func run() (err error) {
	tests := flag.Bool("test", true, "also load and analyze test files")
	names := flag.String("analyzers", "noop", "noop, all (the suite), or a comma-separated list of suite checks and the passes they require (syntax, flowgraph, writerfacts, ...)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	memprofile := flag.String("memprofile", "", "write a heap profile (after analysis) to this file")
	timing := flag.Bool("timing", false, "print the time loading and analysis took on stderr")
	golist := flag.Bool("golist", true, "also run the go list -find query the flushcheck command makes for unmatched patterns")
	flag.Parse()
	if flag.NArg() == 0 {
		return errors.New("usage: driver [flags] packages")
	}
	analyzers, err := choose(*names)
	if err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return errors.Join(err, f.Close())
		}
		defer func() {
			pprof.StopCPUProfile()
			err = errors.Join(err, f.Close())
		}()
	}

	start := time.Now()
	// As the flushcheck command: the go list query beside the load, and
	// its loader (which parses without object resolution).
	listed := make(chan error, 1)
	go func() {
		if *golist {
			listed <- listMatches(flag.Args())
			return
		}
		listed <- nil
	}()
	_, actions, err := loader.Analyze(loader.Config{Tests: *tests}, analyzers, flag.Args()...)
	if lerr := <-listed; lerr != nil {
		return lerr
	}
	if err != nil {
		return fmt.Errorf("load: %v", err)
	}
	seen := make(map[string]bool) // a file shared with a test variant is analyzed twice
	roots := make(map[string]bool)
	for _, act := range actions {
		roots[act.Package.ID] = true
		if act.Err != nil && !act.Package.IllTyped {
			fmt.Fprintf(os.Stderr, "driver: %s: %s: %v\n", act.Package.PkgPath, act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			seen[act.Package.Fset.Position(d.Pos).String()+" "+d.Message] = true
		}
	}
	if *timing {
		// Analysis runs on each package as soon as it is type-checked:
		// the two cannot be timed apart.
		fmt.Fprintf(os.Stderr, "driver: %d root packages; load and analysis %.2fs\n", len(roots), time.Since(start).Seconds())
	}
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			return err
		}
	}
	fmt.Println(len(seen))
	return nil
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		return errors.Join(err, f.Close())
	}
	return f.Close()
}

// choose turns the -analyzers list into analyzers.
func choose(list string) ([]*analysis.Analyzer, error) {
	switch list {
	case "noop":
		return []*analysis.Analyzer{noop}, nil
	case "all":
		return suite.Analyzers(), nil
	}
	var out []*analysis.Analyzer
	for name := range strings.SplitSeq(list, ",") {
		a, ok := suite.LookupPass(name)
		if !ok {
			return nil, fmt.Errorf("unknown analyzer %q", name)
		}
		out = append(out, a)
	}
	return out, nil
}

// listMatches makes the go list query that flushcheck makes to find
// patterns that match nothing, so that the floor does the same work.
func listMatches(patterns []string) error {
	cmd := exec.Command("go", append([]string{"list", "-e", "-find", "-f", "{{range .Match}}{{.}}\n{{end}}"}, patterns...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if _, err := cmd.Output(); err != nil {
		return fmt.Errorf("go list: %v: %s", err, stderr.String())
	}
	return nil
}
