package main

import (
	"cmp"
	"errors"
	"fmt"
	"go/format"
	"io"
	"maps"
	"os"
	"slices"
)

// fileEdit is one edit of a planned fix and the finding it fixes.
type fileEdit struct {
	textEdit
	owner int // index of the finding in the list given to planFixes
}

// planFixes takes the first suggested fix of every finding and groups
// its edits by file.
func planFixes(findings []finding) map[string][]fileEdit {
	byFile := make(map[string][]fileEdit)
	for i, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		for _, e := range f.Fixes[0].Edits {
			byFile[e.File] = append(byFile[e.File], fileEdit{textEdit: e, owner: i})
		}
	}
	return byFile
}

// editConflict says that two fixes want to change the same text.
type editConflict struct {
	a, b fileEdit
}

func (c *editConflict) Error() string {
	return fmt.Sprintf("conflicting edits at %d:%d and %d:%d", c.a.StartPosn.Line, c.a.StartPosn.Column, c.b.StartPosn.Line, c.b.StartPosn.Column)
}

// mergeEdits sorts the edits of one file and drops exact repeats (two
// findings may want the same change). Edits that overlap, or insert
// different text at the same place, conflict: no order of them is right.
func mergeEdits(edits []fileEdit) ([]fileEdit, error) {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(x, y fileEdit) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End))
	})
	var out []fileEdit
	for _, e := range sorted {
		if len(out) == 0 {
			out = append(out, e)
			continue
		}
		prev := out[len(out)-1]
		switch {
		case prev.Start == e.Start && prev.End == e.End && prev.New == e.New:
			continue // the same change, asked for twice
		case e.Start < prev.End || e.Start == prev.Start && e.End == prev.End:
			return nil, &editConflict{a: prev, b: e}
		}
		out = append(out, e)
	}
	return out, nil
}

// applyEdits returns src with sorted, non-overlapping edits applied.
func applyEdits(src []byte, edits []fileEdit) ([]byte, error) {
	var out []byte
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit %d-%d out of range (file changed since it was loaded?)", e.Start, e.End)
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}

// fixResult is what applying the planned fixes did.
type fixResult struct {
	failed   map[string]bool // files left unchanged because of a problem
	problems []string
}

// fixPlan is the new content of one file, and the content it replaces.
type fixPlan struct {
	target        string // the file to write: links resolved
	before, after []byte
}

// Why a file is left unchanged, besides conflicts and the module root.
var (
	errReadOnly = errors.New("read-only file; not fixed")
	errChanged  = errors.New("file changed since flushcheck read it; not fixed (run flushcheck again)")
)

// applyFixes merges and applies the fixes of findings file by file,
// writing the files or, with showDiff, printing a diff instead. A file
// whose edits conflict, that lies outside every allowed root, that is
// read-only, or that changed since it was analyzed (sources, if not nil,
// says what was analyzed) is left alone and named in a problem; so is
// every other part of a fix that edits such a file, so that no fix is
// applied by halves. Every file is computed before any is written.
func (env *environment) applyFixes(findings []finding, roots []string, sources *snapshot, showDiff bool) fixResult {
	res := fixResult{failed: make(map[string]bool)}
	byFile := planFixes(findings)
	var plans map[string]fixPlan
	for {
		plans = env.planFiles(findings, byFile, roots, sources, showDiff, &res)
		if !dropFailedFixes(byFile, res.failed) {
			break
		}
	}
	for _, file := range slices.Sorted(maps.Keys(plans)) {
		if err := env.writeFix(file, plans[file], showDiff); err != nil {
			res.fail(env.cwd, file, err)
		}
	}
	return res
}

// planFiles computes the new content of every file of byFile that has
// not failed yet, and records the files that fail.
func (env *environment) planFiles(findings []finding, byFile map[string][]fileEdit, roots []string, sources *snapshot, showDiff bool, res *fixResult) map[string]fixPlan {
	plans := make(map[string]fixPlan)
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		if res.failed[file] {
			continue
		}
		plan, err := planFile(file, byFile[file], roots, sources, showDiff)
		var c *editConflict
		if errors.As(err, &c) {
			err = fmt.Errorf("conflicting fixes: %s and %s; file left unchanged",
				describeFix(env.cwd, findings[c.a.owner]), describeFix(env.cwd, findings[c.b.owner]))
		}
		if err != nil {
			res.fail(env.cwd, file, err)
			continue
		}
		plans[file] = plan
	}
	return plans
}

func (res *fixResult) fail(cwd, file string, err error) {
	res.failed[file] = true
	res.problems = append(res.problems, fmt.Sprintf("%s: %v", displayPath(cwd, file), err))
}

// dropFailedFixes removes from byFile every edit of a fix that also
// edits a failed file, and reports whether a file that has not failed
// lost edits (it must be computed again).
func dropFailedFixes(byFile map[string][]fileEdit, failed map[string]bool) bool {
	bad := make(map[int]bool)
	for file := range failed {
		for _, e := range byFile[file] {
			bad[e.owner] = true
		}
	}
	again := false
	for file, edits := range byFile {
		if failed[file] {
			continue
		}
		kept := slices.DeleteFunc(slices.Clone(edits), func(e fileEdit) bool { return bad[e.owner] })
		switch {
		case len(kept) == len(edits):
			continue
		case len(kept) == 0:
			delete(byFile, file)
		default:
			byFile[file] = kept
		}
		again = true
	}
	return again
}

// planFile computes the new content of one file. When the content is
// to be written (not shown as a diff) the file must be writable.
func planFile(file string, edits []fileEdit, roots []string, sources *snapshot, showDiff bool) (fixPlan, error) {
	merged, err := mergeEdits(edits)
	if err != nil {
		return fixPlan{}, err
	}
	target, err := writableTarget(file, roots)
	if err != nil {
		return fixPlan{}, err
	}
	src, err := os.ReadFile(target)
	if err != nil {
		return fixPlan{}, err
	}
	if sources != nil && !sources.matches(file, src) {
		return fixPlan{}, errChanged
	}
	if !showDiff {
		if err := checkWritable(target); err != nil {
			return fixPlan{}, err
		}
	}
	out, err := applyEdits(src, merged)
	if err != nil {
		return fixPlan{}, err
	}
	// Fixes carry their own guess at indentation; like go fix, leave the
	// file as gofmt would. A file that no longer parses is kept as is.
	if formatted, err := format.Source(out); err == nil {
		out = formatted
	}
	return fixPlan{target: target, before: src, after: out}, nil
}

// writeFix writes one planned file, or prints it as a diff.
func (env *environment) writeFix(file string, p fixPlan, showDiff bool) error {
	if showDiff {
		_, err := io.WriteString(env.stdout, unifiedDiff(displayPath(env.cwd, file), p.before, p.after))
		return err
	}
	return replaceUnchanged(p.target, p.before, p.after)
}

// unfixed returns the findings that still stand after fixing: those
// without a fix, and those whose fix touches a file that failed.
func unfixed(findings []finding, failed map[string]bool) []finding {
	var out []finding
	for _, f := range findings {
		if len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 || slices.ContainsFunc(f.Fixes[0].Edits, func(e textEdit) bool { return failed[e.File] }) {
			out = append(out, f)
		}
	}
	return out
}

func describeFix(cwd string, f finding) string {
	return fmt.Sprintf("the fix of %s at %s", f.Check, displayPosn(cwd, f.Posn))
}
