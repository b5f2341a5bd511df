package main

import (
	"bytes"
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/sarif"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

const (
	informationURI = "https://github.com/flushcheck/flushcheck"
	srcRoot        = "%SRCROOT%"
)

// The honnef.co/go/tools/sarif types leave out a few fields that GitHub
// code scanning reads; these types add them around the honnef ones.
type (
	sarifLog struct {
		Version string     `json:"version"`
		Schema  string     `json:"$schema"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                         `json:"tool"`
		Invocations        []sarif.Invocation                `json:"invocations"`
		Results            []sarifResult                     `json:"results"`
		ColumnKind         string                            `json:"columnKind"`
		OriginalURIBaseIDs map[string]sarif.ArtifactLocation `json:"originalUriBaseIds"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		sarif.ReportingDescriptor
		FullDescription sarif.Message `json:"fullDescription"`
	}
	sarifResult struct {
		sarif.Result
		RuleIndex int `json:"ruleIndex"`
	}
)

// sarifInput is what a SARIF log is made of.
type sarifInput struct {
	cwd       string
	findings  []finding
	analyzers []*analysis.Analyzer // the checks that ran, in rule order
	complete  bool                 // whether every package was analyzed
}

// writeSARIF prints findings as a SARIF 2.1.0 log for GitHub code
// scanning: paths relative to the repository root, columns in UTF-16.
func writeSARIF(w io.Writer, in sarifInput) error {
	b := &sarifBuilder{root: repoRoot(in.cwd), files: make(map[string][]byte)}
	run := sarifRun{
		Tool:               sarifTool{Driver: sarifDriver{Name: "flushcheck", Version: version(), InformationURI: informationURI, Rules: []sarifRule{}}},
		Invocations:        []sarif.Invocation{{ExecutionSuccessful: in.complete}},
		Results:            []sarifResult{},
		ColumnKind:         "utf16CodeUnits",
		OriginalURIBaseIDs: map[string]sarif.ArtifactLocation{srcRoot: {URI: strings.TrimSuffix(fileURI(b.root), "/") + "/"}},
	}
	ruleIndex := make(map[string]int)
	for i, a := range in.analyzers {
		ruleIndex[a.Name] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, newSARIFRule(a))
	}
	for _, f := range in.findings {
		run.Results = append(run.Results, sarifResult{Result: b.result(f), RuleIndex: ruleIndex[f.Check]})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages and code, not HTML
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Version: sarif.Version, Schema: sarif.Schema, Runs: []sarifRun{run}})
}

func newSARIFRule(a *analysis.Analyzer) sarifRule {
	doc := suite.Documentation(a)
	full := doc.Text
	if full == "" {
		full = doc.Title
	}
	return sarifRule{
		ReportingDescriptor: sarif.ReportingDescriptor{
			ID:                   a.Name,
			ShortDescription:     sarif.Message{Text: doc.Title},
			Help:                 sarif.Message{Text: doc.Format(false), Markdown: suite.Markdown(a)},
			HelpURI:              a.URL,
			DefaultConfiguration: sarif.ReportingConfiguration{Enabled: true, Level: sarif.Warning},
		},
		FullDescription: sarif.Message{Text: full},
	}
}

// sarifBuilder turns findings into results. It reads the files it
// reports on, once each, to count columns in UTF-16 code units.
type sarifBuilder struct {
	root  string
	files map[string][]byte
}

func (b *sarifBuilder) result(f finding) sarif.Result {
	r := sarif.Result{
		RuleID:       f.Check,
		Kind:         sarif.Fail,
		Level:        sarif.Warning,
		Message:      sarif.Message{Text: f.Message},
		Locations:    []sarif.Location{b.location(f.Posn, f.End, "")},
		Suppressions: []sarif.Suppression{}, // suppressed findings are never reported
	}
	for i, rel := range f.Related {
		if rel.Posn.Line < 1 {
			continue // no place in a file to point at
		}
		loc := b.location(rel.Posn, rel.End, rel.Message)
		loc.ID = i + 1
		r.RelatedLocations = append(r.RelatedLocations, loc)
	}
	for _, fix := range f.Fixes {
		r.Fixes = append(r.Fixes, b.fix(fix))
	}
	return r
}

func (b *sarifBuilder) location(start, end token.Position, message string) sarif.Location {
	loc := sarif.Location{PhysicalLocation: sarif.PhysicalLocation{
		ArtifactLocation: b.artifact(start.Filename),
		Region:           b.region(start, end),
	}}
	if message != "" {
		loc.Message = &sarif.Message{Text: message}
	}
	return loc
}

// artifact locates file relative to the repository root, or by an
// absolute file URI when it lies outside.
func (b *sarifBuilder) artifact(file string) sarif.ArtifactLocation {
	rel, ok := withinResolved(b.root, file)
	if !ok {
		return sarif.ArtifactLocation{URI: fileURI(file)}
	}
	u := url.URL{Path: filepath.ToSlash(rel)}
	return sarif.ArtifactLocation{URI: u.String(), URIBaseID: srcRoot}
}

// region converts 1-based byte columns to UTF-16 columns. The end is
// kept at or after the start: SARIF readers reject inverted regions.
func (b *sarifBuilder) region(start, end token.Position) sarif.Region {
	if end.Filename != start.Filename || end.Line < start.Line {
		end = start
	}
	return sarif.Region{
		StartLine:   start.Line,
		StartColumn: b.column(start),
		EndLine:     end.Line,
		EndColumn:   b.column(end),
	}
}

func (b *sarifBuilder) column(p token.Position) int {
	src, ok := b.files[p.Filename]
	if !ok {
		src, _ = os.ReadFile(p.Filename) // unreadable: byte columns are the best left
		b.files[p.Filename] = src
	}
	return utf16Column(src, p.Line, p.Column)
}

func (b *sarifBuilder) fix(f suggestedFix) sarif.Fix {
	desc := f.Message
	if desc == "" {
		desc = "apply the suggested fix" // SARIF messages need text
	}
	out := sarif.Fix{Description: sarif.Message{Text: desc}}
	for _, e := range f.Edits {
		out.ArtifactChanges = append(out.ArtifactChanges, sarif.ArtifactChange{
			ArtifactLocation: b.artifact(e.File),
			Replacements: []sarif.Replacement{{
				DeletedRegion:   b.region(e.StartPosn, e.EndPosn),
				InsertedContent: sarif.ArtifactContent{Text: e.New},
			}},
		})
	}
	return out
}

// utf16Column converts the 1-based byte column col of line (1-based) in
// src into a 1-based column counted in UTF-16 code units. Positions it
// cannot find in src are returned unchanged.
func utf16Column(src []byte, line, col int) int {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return col
		}
		start += i + 1
	}
	if line < 1 || col < 1 || start+col-1 > len(src) {
		return col
	}
	units := 0
	for prefix := src[start : start+col-1]; len(prefix) > 0; {
		r, size := utf8.DecodeRune(prefix)
		units += utf16Len(r)
		prefix = prefix[size:]
	}
	return units + 1
}

// utf16Len is the number of UTF-16 code units of r; an invalid byte
// (utf8.RuneError) counts as one, as editors show it.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// fileURI is the file:// URI of an absolute path.
func fileURI(path string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // a Windows drive path: file:///C:/...
	}
	return u.String()
}
