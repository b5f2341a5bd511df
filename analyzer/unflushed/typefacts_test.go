package unflushed_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/unflushed"
)

// TestTypeFacts checks the wrappers that method bodies show need no
// finishing (knowledge.TypeFact, knowledge.FlushesSelf), across packages.
func TestTypeFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unflushed.Analyzer, "typefacts")
}
