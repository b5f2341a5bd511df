package closeorder_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/closeorder"
)

func TestCloseOrder(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), closeorder.Analyzer, "order", "pool", "read", "linger", "regress")
}

func TestCloseOrderFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), closeorder.Analyzer, "fix")
}
