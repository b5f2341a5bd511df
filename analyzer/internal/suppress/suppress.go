// Package suppress is the one filter every flushcheck analyzer reports
// through, so that suppression behaves the same in every front end
// (standalone, go vet, go fix, golangci-lint): diagnostics in generated
// files are dropped, and so are diagnostics in test code (a function
// that takes a testing.TB and returns nothing, or such a closure inside
// one, where a lost byte fails the test and reports no success, and
// examples in _test.go files, whose output go test compares) and
// diagnostics silenced by a directive that gives a reason.
//
// The directives, each honored only with a reason:
//
//	//lint:ignore flushcheck reason         the line of the node it is attached to
//	//lint:ignore flushcheck/NAME reason    the same, for the check NAME only
//	//lint:file-ignore flushcheck reason    the whole file
//	//nolint:flushcheck // reason           its line; on a line of its own,
//	                                        the whole node that follows
//
// //nolint also takes "all", a list ("//nolint:flushcheck,errcheck"), or
// no list at all, as golangci-lint does. A directive without a reason,
// or a malformed one, silences nothing: the directive analyzer reports
// those that concern flushcheck.
package suppress

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Reporter reports diagnostics of one pass, minus the suppressed ones.
// Like analysis.Pass.Report, it is not safe for concurrent use.
type Reporter struct {
	pass   *analysis.Pass
	syntax map[*token.File]*ast.File
	files  map[*token.File]*fileState // filled lazily, by the first diagnostic in each file
}

// New returns a Reporter for pass. It is cheap: a file's directives are
// parsed only when a diagnostic falls in it.
func New(pass *analysis.Pass) *Reporter {
	r := &Reporter{
		pass:   pass,
		syntax: make(map[*token.File]*ast.File, len(pass.Files)),
		files:  make(map[*token.File]*fileState),
	}
	for _, f := range pass.Files {
		r.syntax[pass.Fset.File(f.Pos())] = f
	}
	return r
}

// Report reports d unless it is suppressed. Suppression looks at d.Pos
// only: a finding belongs to the line where it starts.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.suppressed(d.Pos) {
		return
	}
	r.pass.Report(d)
}

// Reportf is Report for a diagnostic with a formatted message at pos.
func (r *Reporter) Reportf(pos token.Pos, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// ReportRangef is Report for a diagnostic with a formatted message
// spanning rng.
func (r *Reporter) ReportRangef(rng analysis.Range, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
}

// suppressed reports whether a diagnostic at pos is silenced.
func (r *Reporter) suppressed(pos token.Pos) bool {
	tf := r.pass.Fset.File(pos)
	if tf == nil {
		return false // no position, so no directive can be near it
	}
	s := r.state(tf)
	if s.all {
		return true
	}
	if r.inTestCode(r.syntax[tf], pos) {
		return true
	}
	line := tf.Line(pos)
	for _, rg := range s.lines {
		if rg.from <= line && line <= rg.to {
			return true
		}
	}
	return false
}

// state returns what is silenced in tf, working it out on first use.
func (r *Reporter) state(tf *token.File) *fileState {
	if s, ok := r.files[tf]; ok {
		return s
	}
	s := r.silenced(r.syntax[tf])
	r.files[tf] = s
	return s
}
