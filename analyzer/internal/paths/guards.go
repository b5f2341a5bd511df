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
// or `case err != nil:` of a tagless switch; `err == ErrX` for a
// sentinel ErrX built non-nil, and `case ErrX:` of `switch err`, count
// as `err != nil`) within the same function.
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
				c.addConjuncts(g, n.Cond, true)
			case edge.IfStmt_Else:
				c.addConjuncts(g, n.Cond, false)
			}
		case *ast.CaseClause:
			if child.ParentEdgeKind() == edge.CaseClause_Body {
				c.addCase(g, p, n)
			}
		}
	}
	return g
}

// addCase adds what entering the body of case clause cc proves: each
// conjunct of its one condition in a tagless switch, the tag of `switch
// err` when every value listed is a sentinel built non-nil.
func (c *Checker) addCase(g map[types.Object]bool, cur inspector.Cursor, cc *ast.CaseClause) {
	sw, ok := cur.Parent().Parent().Node().(*ast.SwitchStmt)
	if !ok || len(cc.List) == 0 {
		return // a type switch, or the default clause
	}
	if sw.Tag == nil {
		if len(cc.List) == 1 {
			c.addConjuncts(g, cc.List[0], true)
		}
		return
	}
	for _, e := range cc.List {
		if !c.nonNilSentinel(ast.Unparen(e)) {
			return // the tag may equal a value that is nil
		}
	}
	if obj := c.objectOf(ast.Unparen(sw.Tag)); obj != nil && types.IsInterface(obj.Type()) {
		g[obj] = true
	}
}

// addConjuncts adds what cond evaluating to truth proves non-nil: each
// conjunct of a true &&, each disjunct of a false ||.
func (c *Checker) addConjuncts(g map[types.Object]bool, cond ast.Expr, truth bool) {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && (truth && b.Op == token.LAND || !truth && b.Op == token.LOR) {
		c.addConjuncts(g, b.X, truth)
		c.addConjuncts(g, b.Y, truth)
		return
	}
	if obj := c.nonNilWhen(cond, truth); obj != nil {
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
