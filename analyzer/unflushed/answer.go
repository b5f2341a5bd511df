package unflushed

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
)

// answerLost reports whether n, in a function with no error to return,
// lies in an error check (if err != nil) that wrote to w before n. Such
// a function reports a failure by what it does in the check; when what
// it does is write the answer (a 502 status line) to w, a return or a
// close of the destination that leaves w unflushed loses the very report
// that would make the path a failure.
func (s *walk) answerLost(n ast.Node) bool {
	if s.returnsError() {
		return false // the failure is returned, not written
	}
	cur, ok := s.fn.FindNode(n)
	if !ok {
		return false // the implicit return at the end
	}
	for child, p := cur, cur.Parent(); p.Valid() && p != s.fn; child, p = p, p.Parent() {
		ifs, ok := p.Node().(*ast.IfStmt)
		if !ok || child.ParentEdgeKind() != edge.IfStmt_Body || !s.testsNonNil(ifs.Cond) {
			continue // not in the body of an error check
		}
		if s.writtenIn(ifs.Body.Lbrace, n.Pos()) {
			return true
		}
	}
	return false
}

// testsNonNil reports whether cond is, or has a conjunct, `x != nil` of
// an interface x.
func (s *walk) testsNonNil(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if b.Op == token.LAND {
		return s.testsNonNil(b.X) || s.testsNonNil(b.Y)
	}
	if b.Op != token.NEQ {
		return false
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if id, ok := x.(*ast.Ident); ok && id.Name == "nil" {
		x, y = y, x
	}
	if id, ok := y.(*ast.Ident); !ok || id.Name != "nil" {
		return false
	}
	t := s.c.pass.TypesInfo.TypeOf(x)
	return t != nil && types.IsInterface(t)
}

// writtenIn reports whether w is written between lo and hi.
func (s *walk) writtenIn(lo, hi token.Pos) bool {
	for _, ev := range s.events {
		if ev.kind == useWrite && ev.pos > lo && ev.pos < hi {
			return true
		}
	}
	return false
}
