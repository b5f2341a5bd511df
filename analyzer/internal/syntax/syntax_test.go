package syntax_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

const src1 = `package p

func f(w interface{ Flush() error }) error {
	w.Flush()
	if err := w.Flush(); err != nil {
		return (err)
	}
	go func() {
		defer w.Flush()
		func() { _ = w.Flush() }()
	}()
	return nil
}
`

const src2 = `package p

var g = func() int { return 1 }

type T struct{ x int }

func (t *T) M() int { return t.x }
`

// TestCursorOfEveryNode asks for the cursor of every node of two files
// (given out of position order) and checks that it is that node's.
func TestCursorOfEveryNode(t *testing.T) {
	fset, files := parseFiles(t)
	s := syntax.New([]*ast.File{files[1], files[0]})
	n := 0
	for _, f := range files {
		ast.Inspect(f, func(node ast.Node) bool {
			if node == nil {
				return false
			}
			cur, ok := s.Cursor(node)
			if !ok || cur.Node() != node {
				t.Errorf("Cursor(%T at %v) = %v, %v", node, fset.Position(node.Pos()), cur, ok)
			}
			n++
			return true
		})
	}
	if n < 60 {
		t.Fatalf("walked only %d nodes", n)
	}
	if _, ok := s.Cursor(&ast.Ident{NamePos: token.Pos(1 << 30)}); ok {
		t.Errorf("found a cursor for a node outside the files")
	}
}

// TestIndexMatchesWalks checks the one-walk index against plain walks:
// every function's own nodes are those a walk of it finds outside its
// nested literals, its range holds those of the literals too, and each
// node's parent is the node above it.
func TestIndexMatchesWalks(t *testing.T) {
	fset, files := parseFiles(t)
	s := syntax.New(files)
	if got := len(s.Funcs()); got != 5 {
		t.Fatalf("%d functions indexed, want 5 (f, its literal and the one nested in it, g's literal, M)", got)
	}
	for i, fn := range s.Funcs() {
		own, within := walkFunc(fn.N)
		var gotOwn []ast.Node
		for n := range s.Own(int32(i)) {
			gotOwn = append(gotOwn, n.N)
		}
		if !slices.Equal(gotOwn, own) {
			t.Errorf("function %d: Own = %v, want %v", i, gotOwn, own)
		}
		var gotWithin []ast.Node
		for _, n := range s.Within(int32(i)) {
			gotWithin = append(gotWithin, n.N)
		}
		if !slices.Equal(gotWithin, within) {
			t.Errorf("function %d: Within = %v, want %v", i, gotWithin, within)
		}
		if j, ok := s.FuncIndex(fn.N); !ok || j != int32(i) {
			t.Errorf("FuncIndex(function %d) = %d, %v", i, j, ok)
		}
		top := s.Funcs()[s.Outermost(int32(i))]
		if top.Outer != -1 || top.N.Pos() > fn.N.Pos() || fn.N.End() > top.N.End() {
			t.Errorf("Outermost(function %d) = %T at %v, not the top-level function holding it", i, top.N, fset.Position(top.N.Pos()))
		}
	}
	if got := s.Outermost(-1); got != -1 {
		t.Errorf("Outermost(-1) = %d, want -1 (package level)", got)
	}
	for _, n := range s.Nodes() {
		cur, ok := s.Cursor(n.N)
		if !ok || cur.Parent().Node() != n.Parent {
			t.Errorf("parent of %T at %v: index %T, cursor %T", n.N, fset.Position(n.N.Pos()), n.Parent, cur.Parent().Node())
		}
	}
}

// walkFunc returns the recorded kinds of nodes in fn: outside its nested
// literals, and all of them.
func walkFunc(fn ast.Node) (own, within []ast.Node) {
	var stack []ast.Node
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if n != fn && recorded(n) {
			within = append(within, n)
			if !slices.ContainsFunc(stack[1:], isLit) {
				own = append(own, n)
			}
		}
		stack = append(stack, n)
		return true
	})
	return own, within
}

func isLit(n ast.Node) bool {
	_, ok := n.(*ast.FuncLit)
	return ok
}

func recorded(n ast.Node) bool {
	switch n.(type) {
	case *ast.CallExpr, *ast.AssignStmt, *ast.ValueSpec, *ast.ReturnStmt, *ast.RangeStmt,
		*ast.ForStmt, *ast.SelectStmt, *ast.BranchStmt, *ast.TypeSwitchStmt, *ast.CompositeLit, *ast.FuncLit:
		return true
	}
	return false
}

// parseFiles parses src1 and src2.
func parseFiles(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, src := range []string{src1, src2} {
		f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return fset, files
}
