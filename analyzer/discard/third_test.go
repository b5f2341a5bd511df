package discard_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/discard"
)

// TestThird covers what the third labelled corpus taught: errors carried
// by errors.Join, a removed file that is not the one written, and sticky
// fields whose error no later call returns for this function's caller.
func TestThird(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), discard.Analyzer, "third")
}
