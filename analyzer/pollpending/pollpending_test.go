package pollpending_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/pollpending"
	"github.com/flushcheck/flushcheck/analyzer/suite"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pollpending.Analyzer, "a", "pollutil", "b", "c", "stress")
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
