package suppress

import (
	"go/ast"
	"go/token"

	"honnef.co/go/tools/analysis/lint"
)

// fileState is what the directives of one file silence.
type fileState struct {
	all   bool        // generated, or a //lint:file-ignore
	lines []lineRange // silenced lines, in the numbering of tf.Line
}

// lineRange is the lines from through to, both included.
type lineRange struct{ from, to int }

// silenced works out what f silences for the pass's analyzer. f is nil
// for a file the pass has no syntax of.
func (r *Reporter) silenced(f *ast.File) *fileState {
	s := new(fileState)
	if f == nil {
		return s // no syntax, so no directives
	}
	if ast.IsGenerated(f) {
		s.all = true // generated code is not the user's to fix
		return s
	}
	var ignores []*ast.Comment      // //lint:ignore, placed by the node they attach to
	var nolints []*ast.CommentGroup // //nolint, placed by their group
	for _, g := range f.Comments {
		for _, c := range g.List {
			d, ok := Parse(c.Text)
			if !ok || !d.Silences(r.pass.Analyzer.Name) {
				continue // not a directive that silences this check
			}
			switch d.Kind {
			case LintFileIgnore:
				s.all = true
				return s
			case LintIgnore:
				ignores = append(ignores, c)
			case Nolint:
				nolints = append(nolints, g)
			}
		}
	}
	s.lines = append(r.ignoreLines(f, ignores), r.nolintLines(f, nolints)...)
	return s
}

// ignoreLines returns the lines silenced by the //lint:ignore comments
// ignores: each silences the line where the node it is attached to
// begins, as staticcheck does.
func (r *Reporter) ignoreLines(f *ast.File, ignores []*ast.Comment) []lineRange {
	if len(ignores) == 0 {
		return nil // spare building the comment map
	}
	want := make(map[*ast.Comment]bool, len(ignores))
	for _, c := range ignores {
		want[c] = true
	}
	var lines []lineRange
	for _, dir := range lint.ParseDirectives([]*ast.File{f}, r.pass.Fset) {
		if !want[dir.Directive] {
			continue // not one of ours, or without a reason
		}
		l := r.line(dir.Node.Pos())
		lines = append(lines, lineRange{l, l})
	}
	return lines
}

// nolintLines returns the lines silenced by the //nolint comments in
// groups, as golangci-lint reckons them: the lines of the comment group,
// extended over every node that starts on the next line in the group's
// column. A trailing comment thus silences its line; one on a line of
// its own silences the whole statement or declaration below it.
func (r *Reporter) nolintLines(f *ast.File, groups []*ast.CommentGroup) []lineRange {
	var lines []lineRange
	for _, g := range groups {
		lines = append(lines, r.nolintRange(f, g))
	}
	return lines
}

// nolintRange returns the lines silenced by a //nolint in group g.
func (r *Reporter) nolintRange(f *ast.File, g *ast.CommentGroup) lineRange {
	rg := lineRange{r.line(g.Pos()), r.line(g.End())}
	next, col := rg.to+1, r.column(g.Pos())
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		start, end := r.line(n.Pos()), r.line(n.End())
		if start > next || end < next {
			return false // neither n nor its children can start on the next line
		}
		if start == next && r.column(n.Pos()) == col {
			rg.to = max(rg.to, end)
		}
		return true
	})
	return rg
}

// line returns the line of pos as written, ignoring //line directives,
// so that comments and diagnostics are numbered alike.
func (r *Reporter) line(pos token.Pos) int {
	return r.pass.Fset.PositionFor(pos, false).Line
}

// column returns the column of pos as written.
func (r *Reporter) column(pos token.Pos) int {
	return r.pass.Fset.PositionFor(pos, false).Column
}
