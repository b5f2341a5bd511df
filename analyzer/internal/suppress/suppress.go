// Package suppress is the one filter every flushcheck analyzer reports
// through, so that suppression behaves the same in every front end
// (standalone, go vet, go fix, golangci-lint): diagnostics in generated
// files are dropped, and so are diagnostics silenced by a directive that
// gives a reason.
package suppress

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Reporter reports diagnostics of one pass, minus the suppressed ones.
type Reporter struct {
	pass      *analysis.Pass
	generated map[*token.File]bool
}

// New returns a Reporter for pass.
func New(pass *analysis.Pass) *Reporter {
	r := &Reporter{pass: pass, generated: make(map[*token.File]bool)}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			r.generated[pass.Fset.File(f.Pos())] = true
		}
	}
	return r
}

// Report reports d unless it is suppressed.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.generated[r.pass.Fset.File(d.Pos)] {
		return // generated code is not the user's to fix
	}
	r.pass.Report(d)
}
