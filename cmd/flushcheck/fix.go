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

// applyFixes merges and applies the fixes of findings file by file,
// writing the files or, with showDiff, printing a diff instead. A file
// whose edits conflict, or that lies outside every allowed root, is left
// alone and named in a problem.
func (env *environment) applyFixes(findings []finding, roots []string, showDiff bool) fixResult {
	res := fixResult{failed: make(map[string]bool)}
	byFile := planFixes(findings)
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		err := env.fixFile(file, byFile[file], roots, showDiff)
		var c *editConflict
		if errors.As(err, &c) {
			err = fmt.Errorf("conflicting fixes: %s and %s; file left unchanged",
				describeFix(env.cwd, findings[c.a.owner]), describeFix(env.cwd, findings[c.b.owner]))
		}
		if err != nil {
			res.failed[file] = true
			res.problems = append(res.problems, fmt.Sprintf("%s: %v", displayPath(env.cwd, file), err))
		}
	}
	return res
}

// fixFile applies edits to one file, or prints them as a diff.
func (env *environment) fixFile(file string, edits []fileEdit, roots []string, showDiff bool) error {
	merged, err := mergeEdits(edits)
	if err != nil {
		return err
	}
	target, err := writableTarget(file, roots)
	if err != nil {
		return err
	}
	src, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	out, err := applyEdits(src, merged)
	if err != nil {
		return err
	}
	// Fixes carry their own guess at indentation; like go fix, leave the
	// file as gofmt would. A file that no longer parses is kept as is.
	if formatted, err := format.Source(out); err == nil {
		out = formatted
	}
	if showDiff {
		_, err = io.WriteString(env.stdout, unifiedDiff(displayPath(env.cwd, file), src, out))
		return err
	}
	return replaceFile(target, out)
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
