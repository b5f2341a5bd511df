package flowgraph_test

import (
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/internal/flowgraph"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), flowgraph.Analyzer, "a")
}

// TestSameAsCtrlflow checks that flowgraph's no-return facts are
// ctrlflow's on packages full of exits, fatal helpers and loops.
func TestSameAsCtrlflow(t *testing.T) {
	if testing.Short() {
		t.Skip("loads std packages from source")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "os", "log", "testing", "flag", "net/http", "go/types", "cmd/go/internal/base")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("load: %v", err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{ctrlflow.Analyzer, flowgraph.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	facts := map[*analysis.Analyzer]map[types.Object]bool{ctrlflow.Analyzer: {}, flowgraph.Analyzer: {}}
	for act := range graph.All() {
		for _, f := range act.AllObjectFacts() {
			facts[act.Analyzer][f.Object] = true
		}
	}
	want, got := facts[ctrlflow.Analyzer], facts[flowgraph.Analyzer]
	if len(want) < 50 {
		t.Fatalf("ctrlflow found only %d no-return functions: the packages changed?", len(want))
	}
	for _, obj := range sortedObjects(want) {
		if !got[obj] {
			t.Errorf("ctrlflow says %s never returns; flowgraph does not", obj)
		}
	}
	for _, obj := range sortedObjects(got) {
		if !want[obj] {
			t.Errorf("flowgraph says %s never returns; ctrlflow does not", obj)
		}
	}
}

func sortedObjects(m map[types.Object]bool) []types.Object {
	var out []types.Object
	for obj := range m {
		out = append(out, obj)
	}
	slices.SortFunc(out, func(a, b types.Object) int {
		return int(a.Pos()) - int(b.Pos())
	})
	return out
}
