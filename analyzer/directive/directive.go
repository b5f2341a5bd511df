package directive

import (
	_ "embed"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/internal/analysisdoc"
	"github.com/flushcheck/flushcheck/analyzer/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports flushcheck directives that silence nothing.
var Analyzer = &analysis.Analyzer{
	Name: "directive",
	Doc:  analysisdoc.MustExtract(doc, "directive"),
	URL:  "https://github.com/flushcheck/flushcheck/blob/main/docs/checks/directive.md",
	Run:  run,
}

func run(pass *analysis.Pass) (any, error) {
	r := suppress.New(pass)
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			continue // generated code is not the user's to fix
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				check(r, c)
			}
		}
	}
	return nil, nil
}

// check reports c if it is a flushcheck directive that silences nothing.
func check(r *suppress.Reporter, c *ast.Comment) {
	d, ok := suppress.Parse(c.Text)
	if !ok {
		return // an ordinary comment
	}
	msg := message(d)
	if msg == "" {
		return // a working directive, or another linter's business
	}
	r.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Message: msg})
}

// message returns what is wrong with d, or "" if nothing is wrong that
// concerns flushcheck.
func message(d suppress.Directive) string {
	switch {
	case d.Problem != "" && (d.NamesFlushcheck() || namesNothing(d)):
		return d.Head + " " + d.Problem
	case d.Problem == "" && d.Reason == "" && d.NamesFlushcheck():
		return d.Head + " directive has no reason; it silences nothing until one is given"
	}
	return ""
}

// namesNothing reports whether d is a staticcheck directive that names
// no check, so that no linter can tell whose it is. A //nolint without
// a list is golangci-lint's own, written for every linter.
func namesNothing(d suppress.Directive) bool {
	return d.Kind != suppress.Nolint && len(d.Checks) == 0
}
