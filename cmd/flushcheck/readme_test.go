package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// TestReadmeListsEveryCheck keeps the README's list of checks in step
// with the suite: each check once, and no check that does not exist.
func TestReadmeListsEveryCheck(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	listed := make(map[string]bool)
	for _, m := range regexp.MustCompile(`(?m)^- \[(\w+)\]\(docs/checks/(\w+)\.md\)`).FindAllSubmatch(readme, -1) {
		if string(m[1]) != string(m[2]) {
			t.Errorf("README links check %s to docs/checks/%s.md", m[1], m[2])
		}
		listed[string(m[1])] = true
	}
	for _, a := range suite.Analyzers() {
		if !listed[a.Name] {
			t.Errorf("README.md does not list the %s check: add \"- [%s](docs/checks/%s.md): ...\" under Checks", a.Name, a.Name, a.Name)
		}
		delete(listed, a.Name)
	}
	for name := range listed {
		t.Errorf("README.md lists %s, which is not a check of the suite", name)
	}
}
