package knowledge_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

// TestFacts checks which Flush and Close methods are learned to commit
// data, with analysistest's fact expectations.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), knowledge.Analyzer, "facts")
}
