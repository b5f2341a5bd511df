package discard_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/discard"
)

func TestDiscard(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), discard.Analyzer, "a", "wire", "client", "structural")
}

func TestDiscardFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), discard.Analyzer, "fix")
}
