package syntax_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

const src1 = `package p

func f(w interface{ Flush() error }) error {
	w.Flush()
	if err := w.Flush(); err != nil {
		return (err)
	}
	go func() { defer w.Flush() }()
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
	fset := token.NewFileSet()
	var files []*ast.File
	for _, src := range []string{src1, src2} {
		f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
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
