package analysisdoc

import (
	"strings"
	"testing"
)

const src = `// Package p has two analyzers.
//
// # Analyzer one
//
// one: the first
//
// Text of one.
//
// # What it does not report
//
// Limits of one.
//
// # Analyzer two
//
// two: the second
package p
`

func TestExtract(t *testing.T) {
	one, err := Extract(src, "one")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(one, "one: the first") || !strings.Contains(one, "Limits of one.") {
		t.Errorf("one's section lost its own headings: %q", one)
	}
	if strings.Contains(one, "two:") {
		t.Errorf("one's section runs into the next analyzer's: %q", one)
	}
	if _, err := Extract(src, "three"); err == nil {
		t.Error("a missing section is not an error")
	}
	if _, err := Extract("package p\n", "one"); err == nil {
		t.Error("a missing package comment is not an error")
	}
}
