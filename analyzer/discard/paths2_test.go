package discard_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/discard"
)

// TestPaths2 covers the excuses that come from paths and context: test
// code, failing paths the analyzer follows across branches and loops,
// paths that never return, and helpers called only on failing paths.
func TestPaths2(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), discard.Analyzer, "paths2")
}
