package pollpending_test

import (
	"go/token"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/pollpending"
	"github.com/flushcheck/flushcheck/analyzer/suite"
)

func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), pollpending.Analyzer, "a", "pollutil", "b", "c", "stress")
	for _, res := range results {
		for _, d := range res.Diagnostics {
			checkRange(t, res.Pass.Fset, d)
		}
	}
}

// checkRange asserts that a diagnostic spans one line: the return
// statement that claims success, or the call whose answer is dropped.
func checkRange(t *testing.T, fset *token.FileSet, d analysis.Diagnostic) {
	t.Helper()
	start, end := fset.Position(d.Pos), fset.Position(d.End)
	src, err := os.ReadFile(start.Filename)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src[start.Offset:end.Offset])
	if strings.Contains(text, "\n") || !strings.HasPrefix(text, "return") && !strings.HasSuffix(text, ")") {
		t.Errorf("%s: diagnostic spans %q, want a return statement or a call on one line", start, text)
	}
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), pollpending.Analyzer, "fix")
}

// TestDocPage keeps docs/checks/pollpending.md in step with doc.go.
func TestDocPage(t *testing.T) {
	got, err := os.ReadFile("../../docs/checks/pollpending.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := suite.Markdown(pollpending.Analyzer); string(got) != want {
		t.Errorf("docs/checks/pollpending.md is stale; regenerate it from suite.Markdown(pollpending.Analyzer)")
	}
}
