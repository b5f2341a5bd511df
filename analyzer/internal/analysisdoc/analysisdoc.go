// Package analysisdoc extracts an analyzer's documentation from the
// package comment of its doc.go, so that the text shown by -explain,
// the Analyzer.Doc field and docs/checks/NAME.md come from one source.
package analysisdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the section of the package comment in src (the text
// of a doc.go file) that follows the heading "# Analyzer name", up to
// the next "# Analyzer" heading: the headings in between, such as "# What
// it does not report", belong to it. The first line of the section has the
// form "name: summary", as go/analysis expects.
func Extract(src, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name
	_, after, found := strings.Cut(text, "\n"+heading+"\n")
	if !found {
		return "", fmt.Errorf("package comment has no %q heading", heading)
	}
	if i := strings.Index(after, "\n# Analyzer "); i >= 0 {
		after = after[:i] // the next analyzer's section is not part of this one's doc
	}
	after = strings.TrimSpace(after)
	if !strings.HasPrefix(after, name+": ") {
		return "", fmt.Errorf("section %q must start with %q", heading, name+": ")
	}
	return after, nil
}

// MustExtract is Extract for package initialization, where a missing
// section is a programming error in flushcheck itself.
func MustExtract(src, name string) string {
	doc, err := Extract(src, name)
	if err != nil {
		panic(fmt.Sprintf("analysisdoc: %s: %v", name, err))
	}
	return doc
}
