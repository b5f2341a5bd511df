package suppress_test

import (
	"go/ast"
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
