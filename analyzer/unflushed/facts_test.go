package unflushed

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFinishersFacts checks the facts that unflushed's fact analyzer
// exports; TestUnflushed checks their use across packages.
func TestFinishersFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), finishersAnalyzer, "finish")
}
