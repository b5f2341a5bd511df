// Package syntax gives the checks two views of a package's syntax that
// x/tools' inspect pass gave as one. The inspect pass indexes every node
// of every file up front (on std, 224 MB of the 321 MB flushcheck
// allocated above loading), and each check then walked all of it again
// to find its candidates.
//
//   - An index made in one walk of the package: the calls, assignments,
//     returns, loops, type switches, composite and function literals,
//     each with its parent and function, and each function's range of
//     them. The checks, the writer knowledge and the no-return facts find
//     their candidates there, with no walk of their own.
//   - Cursors, for the few places where a check follows paths or
//     statements: the inspector of a top-level declaration is built when
//     a check first asks for a cursor in it.
package syntax

import (
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer provides the package's *Files.
var Analyzer = &analysis.Analyzer{
	Name:       "syntax",
	Doc:        "syntax: an index of the package's nodes, and cursors over each declaration built on first use (no diagnostics)",
	Run:        run,
	ResultType: reflect.TypeFor[*Files](),
}

// Files gives cursors into one package's files. It is safe for the
// concurrent use of the checks of the package.
type Files struct {
	byPos []*ast.File // sorted by FileStart, to find a node's file

	idx index // the one walk of the package's files

	mu  sync.Mutex
	ins map[ast.Node]*inspector.Inspector // of a declaration, or of a whole file
}

func run(pass *analysis.Pass) (any, error) {
	return New(pass.Files), nil
}

// New returns the Files of a package's syntax.
func New(files []*ast.File) *Files {
	byPos := slices.Clone(files)
	slices.SortFunc(byPos, func(a, b *ast.File) int { return int(a.FileStart) - int(b.FileStart) })
	s := &Files{byPos: byPos, ins: make(map[ast.Node]*inspector.Inspector)}
	s.idx.build(files)
	return s
}

// Cursor returns the cursor of n, a node of one of the package's files.
// The cursors of the nodes of one top-level declaration come from one
// inspector, built on the first request: a cursor's ancestors end at a
// file that holds that declaration alone (with the real file's name and
// imports), so a check cannot walk from one declaration to another.
func (s *Files) Cursor(n ast.Node) (inspector.Cursor, bool) {
	f := s.fileAt(n.Pos())
	if f == nil {
		return inspector.Cursor{}, false // not in this package
	}
	root := s.root(f, declAt(f, n))
	if cur, ok := root.FindByPos(n.Pos(), n.End()); ok {
		// The innermost node over n's range may be a child of n with the
		// same range (an ExprStmt's call): climb to n.
		for c := cur; c.Valid() && c.Node() != nil && c.Node().Pos() == n.Pos(); c = c.Parent() {
			if c.Node() == n {
				return c, true
			}
		}
	}
	return root.FindNode(n)
}

// root returns the cursor of the file node that holds d alone, or of the
// whole file f when d is nil, building its inspector on first use.
func (s *Files) root(f *ast.File, d ast.Decl) inspector.Cursor {
	var key ast.Node = f
	if d != nil {
		key = d
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	in, ok := s.ins[key]
	if !ok {
		in = inspector.New([]*ast.File{scope(f, d)})
		s.ins[key] = in
	}
	cur, _ := in.Root().FirstChild()
	return cur
}

// scope returns f, or a file that holds only its declaration d. Its
// package clause is placed at d, so that the inspector sizes its index
// by d's extent, not by the file's.
func scope(f *ast.File, d ast.Decl) *ast.File {
	if d == nil {
		return f
	}
	return &ast.File{
		Package:   d.Pos(),
		Name:      f.Name,
		Decls:     []ast.Decl{d},
		FileStart: f.FileStart,
		FileEnd:   f.FileEnd,
		Imports:   f.Imports,
		GoVersion: f.GoVersion,
	}
}

// declAt returns the top-level declaration of f that holds n, or nil
// (the package clause, a comment, the file itself).
func declAt(f *ast.File, n ast.Node) ast.Decl {
	i, found := slices.BinarySearchFunc(f.Decls, n.Pos(), func(d ast.Decl, p token.Pos) int { return int(d.Pos()) - int(p) })
	if found {
		return f.Decls[i] // n starts where the declaration does
	}
	if i > 0 && n.End() <= f.Decls[i-1].End() {
		return f.Decls[i-1]
	}
	return nil
}

// FileOf returns the file that holds n, or nil if none of the package's
// files does.
func (s *Files) FileOf(n ast.Node) *ast.File { return s.fileAt(n.Pos()) }

// fileAt returns the file whose extent holds pos.
func (s *Files) fileAt(pos token.Pos) *ast.File {
	i, _ := slices.BinarySearchFunc(s.byPos, pos, func(f *ast.File, p token.Pos) int { return int(f.FileStart) - int(p) })
	// byPos[i] is the first file starting at or after pos.
	for _, j := range []int{i, i - 1} {
		if j >= 0 && j < len(s.byPos) && s.byPos[j].FileStart <= pos && pos <= s.byPos[j].FileEnd {
			return s.byPos[j]
		}
	}
	return nil
}
