package directive_test

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/directive"
)

func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), directive.Analyzer, "a")
	for _, res := range results {
		fset := res.Pass.Fset
		for _, d := range res.Diagnostics {
			start, end := fset.Position(d.Pos), fset.Position(d.End)
			src, err := os.ReadFile(start.Filename)
			if err != nil {
				t.Fatal(err)
			}
			text := string(src[start.Offset:end.Offset])
			if !strings.HasPrefix(text, "//") || strings.Contains(text, "\n") {
				t.Errorf("%s: diagnostic spans %q, want the directive's comment", start, text)
			}
		}
	}
}
