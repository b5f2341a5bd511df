package pollpending_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/pollpending"
)

// TestStd runs the analyzer over the standard library's own raw-write
// loops (internal/poll, net, os, with their tests), the model of the
// correct shapes, and over everything they import: it must find nothing,
// and the facts it exports must encode deterministically.
func TestStd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyzes a large part of the standard library")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: true}
	pkgs, err := packages.Load(cfg, "internal/poll", "net", "os")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages failed to load")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{pollpending.Analyzer}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	analyzed := 0
	for act := range graph.All() {
		if act.Analyzer != pollpending.Analyzer {
			continue // a prerequisite
		}
		analyzed++
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%s: unexpected finding: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	t.Logf("analyzed %d packages", analyzed)
}
