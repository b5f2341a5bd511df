package knowledge_test

import (
	"cmp"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

// pairsAnalyzer reports each field pair where it is made.
var pairsAnalyzer = &analysis.Analyzer{
	Name:     "pairs",
	Doc:      "pairs: report writer fields made over destination fields (test only)",
	Requires: []*analysis.Analyzer{knowledge.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		pkg := pass.ResultOf[knowledge.Analyzer].(*knowledge.Package)
		var pairs []knowledge.FieldPair
		for _, p := range pkg.FieldPairs() {
			pairs = append(pairs, p)
		}
		slices.SortFunc(pairs, func(a, b knowledge.FieldPair) int { return cmp.Compare(a.At.Pos(), b.At.Pos()) })
		for _, p := range pairs {
			pass.Reportf(p.At.Pos(), "%s over %s", p.Writer.Name(), p.Dest.Name())
		}
		return nil, nil
	},
}

// TestFieldPairs checks which writer fields are found made over a
// destination field of the same struct.
func TestFieldPairs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pairsAnalyzer, "pairs")
}
