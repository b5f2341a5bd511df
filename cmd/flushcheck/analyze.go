package main

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/internal/loader"
)

// finding is a diagnostic with its positions resolved, so that the
// output formats and the fixer need no file set.
type finding struct {
	Check   string
	URL     string
	Posn    token.Position
	End     token.Position
	Message string
	Related []related
	Fixes   []suggestedFix
}

type related struct {
	Posn, End token.Position
	Message   string
}

type suggestedFix struct {
	Message string
	Edits   []textEdit
}

// textEdit replaces the bytes [Start, End) of File with New.
type textEdit struct {
	File       string
	Start, End int
	New        string
	StartPosn  token.Position // for display: line and column of Start
	EndPosn    token.Position
}

// findingsOf returns the findings of the analyzers' runs on the root
// packages, sorted and without duplicates, plus one problem line for
// each analysis that failed.
func findingsOf(actions []*loader.Action) ([]finding, []string) {
	var findings []finding
	var problems []string
	for _, act := range actions {
		if act.Err != nil {
			problems = append(problems, actionProblem(act)...)
			continue
		}
		for _, d := range act.Diagnostics {
			findings = append(findings, newFinding(act.Package.Fset, act.Analyzer.Name, d))
		}
	}
	return sortFindings(findings), slices.Compact(slices.Sorted(slices.Values(problems)))
}

// actionProblem describes a failed analysis. A package that did not
// type-check has had its errors printed already, so it adds nothing.
// A failure of a prerequisite (a required analyzer, or the same one on
// a dependency) is described by the action that failed first, so that
// one crash makes one line however many checks it stops.
func actionProblem(act *loader.Action) []string {
	if act.Package.IllTyped {
		return nil
	}
	act = firstFailure(act)
	return []string{fmt.Sprintf("%s: %s: %s", act.Package.PkgPath, act.Analyzer.Name, oneLine(act.Err.Error()))}
}

// firstFailure follows failed prerequisites from act down to an action
// that failed by itself.
func firstFailure(act *loader.Action) *loader.Action {
	for strings.HasPrefix(act.Err.Error(), "failed prerequisites: ") {
		i := slices.IndexFunc(act.Deps, func(dep *loader.Action) bool { return dep.Err != nil })
		if i < 0 {
			break
		}
		act = act.Deps[i]
	}
	return act
}

func newFinding(fset *token.FileSet, check string, d analysis.Diagnostic) finding {
	f := finding{
		Check:   check,
		URL:     d.URL,
		Posn:    fset.Position(d.Pos),
		End:     endPosition(fset, d.Pos, d.End),
		Message: d.Message,
	}
	for _, r := range d.Related {
		f.Related = append(f.Related, related{Posn: fset.Position(r.Pos), End: endPosition(fset, r.Pos, r.End), Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := suggestedFix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			fix.Edits = append(fix.Edits, newTextEdit(fset, e))
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// endPosition is the position of end, or of pos when there is no end.
func endPosition(fset *token.FileSet, pos, end token.Pos) token.Position {
	return fset.Position(endOr(pos, end))
}

// newTextEdit resolves e against the file it edits. Offsets come from
// the file as it is on disk (not as //line directives present it):
// they are what the fixer rewrites.
func newTextEdit(fset *token.FileSet, e analysis.TextEdit) textEdit {
	start := fset.PositionFor(e.Pos, false)
	end := fset.PositionFor(endOr(e.Pos, e.End), false)
	return textEdit{File: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText), StartPosn: start, EndPosn: end}
}

func endOr(pos, end token.Pos) token.Pos {
	if end.IsValid() {
		return end
	}
	return pos
}

// sortFindings orders findings by position and drops repeats: a file
// shared by a package and its test variant is analyzed twice.
func sortFindings(fs []finding) []finding {
	slices.SortStableFunc(fs, compareFindings)
	return slices.CompactFunc(fs, func(a, b finding) bool { return compareFindings(a, b) == 0 })
}

func compareFindings(a, b finding) int {
	return cmp.Or(
		cmp.Compare(a.Posn.Filename, b.Posn.Filename),
		cmp.Compare(a.Posn.Line, b.Posn.Line),
		cmp.Compare(a.Posn.Column, b.Posn.Column),
		cmp.Compare(a.End.Filename, b.End.Filename),
		cmp.Compare(a.End.Line, b.End.Line),
		cmp.Compare(a.End.Column, b.End.Column),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Message, b.Message),
	)
}
