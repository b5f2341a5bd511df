package bench

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// benchPatterns are the packages BenchmarkSuite analyzes, without test
// files; FLUSHCHECK_BENCH_PKGS (space-separated) overrides them.
var benchPatterns = []string{"net/http", "net/http/httputil", "compress/gzip", "archive/zip", "image/png"}

var (
	loadOnce  sync.Once
	loadRoots []*packages.Package
	loadErr   error
)

// roots loads the packages once per test binary, the way the flushcheck
// command does (syntax and types of every dependency).
func roots(b *testing.B) []*packages.Package {
	loadOnce.Do(func() {
		patterns := benchPatterns
		if s := os.Getenv("FLUSHCHECK_BENCH_PKGS"); s != "" {
			patterns = strings.Fields(s)
		}
		cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule}
		loadRoots, loadErr = packages.Load(cfg, patterns...)
		if loadErr == nil && packages.PrintErrors(loadRoots) > 0 {
			loadErr = errors.New("packages did not load cleanly")
		}
	})
	if loadErr != nil {
		b.Fatal(loadErr)
	}
	return loadRoots
}

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop: does nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// BenchmarkSuite times checker.Analyze on packages already loaded: the
// checks' own cost, without loading and type-checking. noop is the
// checker's overhead; syntax+flowgraph the passes every check builds on.
func BenchmarkSuite(b *testing.B) {
	syntaxPass, _ := suite.LookupPass("syntax")
	flowPass, _ := suite.LookupPass("flowgraph")
	cases := []struct {
		name      string
		analyzers []*analysis.Analyzer
	}{
		{"noop", []*analysis.Analyzer{noop}},
		{"syntax+flowgraph", []*analysis.Analyzer{syntaxPass, flowPass}},
		{"all", suite.Analyzers()},
	}
	for _, a := range suite.Analyzers() {
		cases = append(cases, struct {
			name      string
			analyzers []*analysis.Analyzer
		}{a.Name, []*analysis.Analyzer{a}})
	}
	pkgs := roots(b)
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := checker.Analyze(c.analyzers, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
