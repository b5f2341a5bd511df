package suppress_test

import (
	"go/ast"
	"os/exec"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/internal/suppress"
)

// bad is a test-only check: it reports every call of a function named
// bad through the Reporter, so the testdata shows what is silenced.
var bad = &analysis.Analyzer{
	Name: "bad",
	Doc:  "bad: report calls of bad",
	Run:  runBad,
}

func runBad(pass *analysis.Pass) (any, error) {
	r := suppress.New(pass)
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true // not a call
			}
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
				r.Reportf(call.Pos(), "bad call")
			}
			return true
		})
	}
	return nil, nil
}

func TestReporter(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), bad, "a")
}

// TestCgo checks that a file importing "C", which the analyzers see as
// cmd/cgo's generated rewrite, is still reported on.
func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("cgo needs a C compiler")
	}
	t.Setenv("CGO_ENABLED", "1")
	analysistest.Run(t, analysistest.TestData(), bad, "cgo")
}
