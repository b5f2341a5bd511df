package paths

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Guards returns the error variables known to be non-nil at cur, as
// guards does: what an exit there is guarded by, for a check that needs
// to know which error it reports.
func (c *Checker) Guards(cur inspector.Cursor) map[types.Object]bool {
	return c.guards(cur)
}

// guards returns the error variables known to be non-nil at cur: those
// of an enclosing `if err != nil` body (or `if err == nil` else branch,
// or `case err != nil:` of a tagless switch) within the same function.
func (c *Checker) guards(cur inspector.Cursor) map[types.Object]bool {
	g := make(map[types.Object]bool)
	child := cur
	for p := cur.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return g // guards outside the function say nothing of its returns
		case *ast.IfStmt:
			switch child.ParentEdgeKind() {
			case edge.IfStmt_Body:
				c.addConjuncts(g, n.Cond, token.NEQ)
			case edge.IfStmt_Else:
				c.addSingle(g, n.Cond, token.EQL)
			}
		case *ast.CaseClause:
			if child.ParentEdgeKind() == edge.CaseClause_Body && tagless(p) {
				for _, e := range n.List {
					c.addConjuncts(g, e, token.NEQ)
				}
			}
		}
	}
	return g
}

// tagless reports whether the case clause at cur belongs to `switch {`.
func tagless(cur inspector.Cursor) bool {
	sw, ok := cur.Parent().Parent().Node().(*ast.SwitchStmt)
	return ok && sw.Tag == nil
}

// addConjuncts adds X for each conjunct `X op nil` of cond.
func (c *Checker) addConjuncts(g map[types.Object]bool, cond ast.Expr, op token.Token) {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		c.addConjuncts(g, b.X, op)
		c.addConjuncts(g, b.Y, op)
		return
	}
	c.addSingle(g, cond, op)
}

// addSingle adds X when cond is exactly `X op nil` (or `nil op X`).
func (c *Checker) addSingle(g map[types.Object]bool, cond ast.Expr, op token.Token) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return
	}
	x := ast.Unparen(b.X)
	if isNil(x) {
		x = ast.Unparen(b.Y)
	} else if !isNil(ast.Unparen(b.Y)) {
		return // not a comparison with nil
	}
	obj := c.objectOf(x)
	if obj != nil && types.IsInterface(obj.Type()) {
		g[obj] = true
	}
}

func isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}

// signature returns the signature of the function (declared or literal)
// enclosing cur.
func (c *Checker) signature(cur inspector.Cursor) *types.Signature {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var t types.Type
		switch n := fn.Node().(type) {
		case *ast.FuncDecl:
			if obj := c.Info.Defs[n.Name]; obj != nil {
				t = obj.Type()
			}
		case *ast.FuncLit:
			t = c.Info.TypeOf(n)
		}
		sig, _ := t.(*types.Signature)
		return sig
	}
	return nil
}

// Deferred reports whether the statement at cur runs deferred: it is a
// defer statement, or lies in a function literal called by one.
func Deferred(cur inspector.Cursor) bool {
	if _, ok := cur.Node().(*ast.DeferStmt); ok {
		return true
	}
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if lit.ParentEdgeKind() != edge.CallExpr_Fun {
			return false // a literal that is not called where it stands
		}
		_, ok := lit.Parent().Parent().Node().(*ast.DeferStmt)
		return ok
	}
	return false
}

// EnclosingDecl returns the function declaration enclosing cur, if any.
func EnclosingDecl(cur inspector.Cursor) (*ast.FuncDecl, bool) {
	for d := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return d.Node().(*ast.FuncDecl), true
	}
	return nil, false
}
