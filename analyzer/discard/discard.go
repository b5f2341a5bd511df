package discard

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/internal/analysisdoc"
)

//go:embed doc.go
var doc string

// Analyzer reports data-committing calls whose result is discarded.
var Analyzer = &analysis.Analyzer{
	Name: "discard",
	Doc:  analysisdoc.MustExtract(doc, "discard"),
	URL:  "https://github.com/flushcheck/flushcheck/blob/main/docs/checks/discard.md",
	Run:  run,
}

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
