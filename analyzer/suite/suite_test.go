package suite_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

var update = flag.Bool("update", false, "rewrite docs/checks/*.md from the analyzers' doc.go")

// TestDocsInStep checks that docs/checks/NAME.md is exactly what
// suite.Markdown renders from the analyzer's doc.go, the same text that
// -explain prints.
func TestDocsInStep(t *testing.T) {
	for _, a := range suite.Analyzers() {
		path := filepath.Join("..", "..", "docs", "checks", a.Name+".md")
		want := suite.Markdown(a)
		if *update {
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./analyzer/suite -update)", a.Name, err)
			continue
		}
		if string(got) != want {
			t.Errorf("%s is out of step with analyzer/%s/doc.go (run go test ./analyzer/suite -update)", path, a.Name)
		}
	}
}

// TestNamesAndDocs checks what every front end relies on: unique names,
// a summary line, a URL to the docs, and a documentation record.
func TestNamesAndDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range suite.Analyzers() {
		if seen[a.Name] {
			t.Errorf("duplicate analyzer name %q", a.Name)
		}
		seen[a.Name] = true
		if !strings.HasPrefix(a.Doc, a.Name+": ") {
			t.Errorf("%s: Doc must start with %q", a.Name, a.Name+": ")
		}
		if !strings.HasSuffix(a.URL, "/docs/checks/"+a.Name+".md") {
			t.Errorf("%s: URL %q does not point at its docs page", a.Name, a.URL)
		}
		doc := suite.Documentation(a)
		if doc.Title == "" || doc.Text == "" {
			t.Errorf("%s: empty documentation record", a.Name)
		}
		if got, ok := suite.Lookup(a.Name); !ok || got != a {
			t.Errorf("Lookup(%q) does not find the analyzer", a.Name)
		}
	}
}

func TestWithRequired(t *testing.T) {
	all := suite.WithRequired(suite.Analyzers())
	at := make(map[*analysis.Analyzer]int)
	for i, a := range all {
		if _, dup := at[a]; dup {
			t.Errorf("%s listed twice", a.Name)
		}
		at[a] = i
	}
	for _, a := range all {
		for _, req := range a.Requires {
			i, ok := at[req]
			if !ok || i > at[a] {
				t.Errorf("%s requires %s, which is missing or listed after it", a.Name, req.Name)
			}
		}
	}
	for _, a := range suite.Analyzers() {
		if _, ok := at[a]; !ok {
			t.Errorf("%s is missing", a.Name)
		}
	}
}

func TestLookupPass(t *testing.T) {
	for _, a := range suite.WithRequired(suite.Analyzers()) {
		if got, ok := suite.LookupPass(a.Name); !ok || got != a {
			t.Errorf("LookupPass(%q) does not find the analyzer", a.Name)
		}
	}
	for _, name := range []string{"syntax", "flowgraph", "discard"} {
		if _, ok := suite.LookupPass(name); !ok {
			t.Errorf("LookupPass(%q) finds nothing", name)
		}
	}
	if _, ok := suite.LookupPass("inspect"); ok {
		t.Errorf("LookupPass finds inspect, which no check requires any more")
	}
}
