// Package suite lists the analyzers of flushcheck. Every front end
// (the command's standalone, go vet and go fix modes, and the
// golangci-lint plugin) takes its checks from here, so a new analyzer
// appears everywhere by being added to Analyzers.
package suite

import (
	"go/doc/comment"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/analysis/lint"

	"github.com/flushcheck/flushcheck/analyzer/closeorder"
	"github.com/flushcheck/flushcheck/analyzer/directive"
	"github.com/flushcheck/flushcheck/analyzer/discard"
	"github.com/flushcheck/flushcheck/analyzer/pollpending"
	"github.com/flushcheck/flushcheck/analyzer/unflushed"
)

// Analyzers returns flushcheck's checks in documentation order.
// It returns a new slice on each call; the analyzers themselves are shared.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		discard.Analyzer,
		unflushed.Analyzer,
		closeorder.Analyzer,
		directive.Analyzer,
		pollpending.Analyzer,
	}
}

// Lookup returns the analyzer of the suite with the given name.
func Lookup(name string) (*analysis.Analyzer, bool) {
	for _, a := range Analyzers() {
		if a.Name == name {
			return a, true
		}
	}
	return nil, false
}

// LookupPass returns the analyzer with the given name among the checks
// and the passes they require (syntax, flowgraph, writerfacts, ...), for
// drivers that run a shared pass alone, such as the benchmark's.
func LookupPass(name string) (*analysis.Analyzer, bool) {
	for _, a := range WithRequired(Analyzers()) {
		if a.Name == name {
			return a, true
		}
	}
	return nil, false
}

// Documentation returns the structured documentation record of a,
// built from its Doc: the summary line is the title, the rest the text.
func Documentation(a *analysis.Analyzer) *lint.Documentation {
	title, text, _ := strings.Cut(a.Doc, "\n")
	title = strings.TrimPrefix(title, a.Name+": ")
	return lint.RawDocumentation{
		Title:    title,
		Text:     strings.TrimSpace(text),
		Severity: lint.SeverityWarning,
	}.Compile()
}

// headingIDs matches the {#hdr-...} anchors go/doc/comment appends to
// Markdown headings, which GitHub would show as text.
var headingIDs = regexp.MustCompile(` \{#hdr-[^}]*\}`)

// Markdown renders a's documentation as the page docs/checks/NAME.md.
// The page is generated, never edited by hand: a test keeps it in step.
func Markdown(a *analysis.Analyzer) string {
	title, text, _ := strings.Cut(a.Doc, "\n")
	var p comment.Parser
	var pr comment.Printer
	pr.HeadingLevel = 2
	body := headingIDs.ReplaceAll(pr.Markdown(p.Parse(text)), nil)
	var b strings.Builder
	b.WriteString("<!-- Generated from analyzer/" + a.Name + "/doc.go by `go test ./analyzer/suite -update`; do not edit. -->\n\n")
	b.WriteString("# " + a.Name + "\n\n")
	b.WriteString(strings.TrimPrefix(title, a.Name+": ") + "\n\n")
	b.Write(body)
	return b.String()
}

// WithRequired returns the analyzers of as and every analyzer they
// require, each once, every analyzer after those it requires: the whole
// graph a driver runs, for front ends that wrap each analyzer's Run.
func WithRequired(as []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		out = append(out, a)
	}
	for _, a := range as {
		visit(a)
	}
	return out
}
