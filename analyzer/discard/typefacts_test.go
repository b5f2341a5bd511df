package discard_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/discard"
)

// TestTypeFacts checks the excuses that come from what method bodies say
// about writer types (knowledge.TypeFact), learned across packages.
func TestTypeFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), discard.Analyzer, "typefacts")
}
