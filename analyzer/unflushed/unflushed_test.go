package unflushed_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/flushcheck/flushcheck/analyzer/unflushed"
)

func TestUnflushed(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unflushed.Analyzer, "a", "b", "c") // b uses finish's facts
}
