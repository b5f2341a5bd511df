package main

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"strings"
)

// writeText prints one line per finding, "file:line:col: message
// (check)", and an indented line for each related position.
func writeText(w io.Writer, cwd string, findings []finding) error {
	var b strings.Builder
	for _, f := range findings {
		fmt.Fprintf(&b, "%s: %s (%s)\n", displayPosn(cwd, f.Posn), f.Message, f.Check)
		for _, r := range f.Related {
			fmt.Fprintf(&b, "\t%s: %s\n", displayPosn(cwd, r.Posn), r.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonReport is the -f json output. Its fields are documented in the
// README and only ever added to.
type jsonReport struct {
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	Check          string        `json:"check"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	URL            string        `json:"url,omitempty"`
	Related        []jsonRelated `json:"related"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

// jsonEdit replaces the bytes [start, end) of filename with new.
type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// writeJSON prints findings as one indented jsonReport.
func writeJSON(w io.Writer, cwd string, findings []finding) error {
	report := jsonReport{Diagnostics: []jsonDiagnostic{}}
	for _, f := range findings {
		report.Diagnostics = append(report.Diagnostics, newJSONDiagnostic(cwd, f))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages and code, not HTML
	enc.SetIndent("", "\t")
	return enc.Encode(report)
}

func newJSONDiagnostic(cwd string, f finding) jsonDiagnostic {
	posn := func(p token.Position) string { return displayPosn(cwd, p) }
	d := jsonDiagnostic{
		Check: f.Check, Posn: posn(f.Posn), End: posn(f.End), Message: f.Message, URL: f.URL,
		Related: []jsonRelated{}, SuggestedFixes: []jsonFix{},
	}
	for _, r := range f.Related {
		d.Related = append(d.Related, jsonRelated{Posn: posn(r.Posn), End: posn(r.End), Message: r.Message})
	}
	for _, sf := range f.Fixes {
		fix := jsonFix{Message: sf.Message, Edits: []jsonEdit{}}
		for _, e := range sf.Edits {
			fix.Edits = append(fix.Edits, jsonEdit{Filename: displayPath(cwd, e.File), Start: e.Start, End: e.End, New: e.New})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, fix)
	}
	return d
}
