package unflushed

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// deferredIn returns the defer statement of fn whose function literal
// directly encloses cur: defer func() { ... }().
func deferredIn(cur, fn inspector.Cursor) (*ast.DeferStmt, bool) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if f.ParentEdgeKind() != edge.CallExpr_Fun {
			return nil, false // a literal not called in place
		}
		d, ok := f.Parent().Parent().Node().(*ast.DeferStmt)
		if !ok || !sameFunc(f.Parent().Parent(), fn) {
			return nil, false // not deferred by fn itself
		}
		return d, true
	}
	return nil, false
}

// checkDeferredOutcome reports a finish of w in a literal fn defers
// whose failure is noticed but reaches no result: defer func() { if err
// := bw.Flush(); err != nil { log.Print(err) } }() runs after return nil
// has set the result, so a failed flush is answered as done. A branch
// that sets fn's named error result, or never returns, reports it.
func (c *checker) checkDeferredOutcome(fn inspector.Cursor, sig *types.Signature, d *ast.DeferStmt, ifCur inspector.Cursor, w *writer) {
	ifs := ifCur.Node().(*ast.IfStmt)
	call, ok := c.checkedFinish(ifCur, ifs, w)
	if !ok || c.setsResult(ifs.Body, sig) || c.neverReturns(ifs.Body) {
		return
	}
	if pos, end, ok := c.successAfterDefer(fn, d); ok {
		c.reportOutcome(pos, end, call, w)
	}
}

// setsResult reports whether body assigns the named error result of sig.
func (c *checker) setsResult(body *ast.BlockStmt, sig *types.Signature) bool {
	res := sig.Results().At(sig.Results().Len() - 1)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				found = found || c.fin.isVar(l, res)
			}
		}
		return !found
	})
	return found
}

// neverReturns reports whether body ends in panic or a call that never
// returns.
func (c *checker) neverReturns(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return true // an empty check is the discard check's finding
	}
	s, ok := body.List[len(body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	return ok && c.paths.NeverReturns(call)
}

// successAfterDefer returns the first return of fn after the defer d
// that reports success.
func (c *checker) successAfterDefer(fn inspector.Cursor, d *ast.DeferStmt) (token.Pos, token.Pos, bool) {
	for cur := range fn.Preorder((*ast.ReturnStmt)(nil)) {
		ret := cur.Node().(*ast.ReturnStmt)
		if ret.Pos() < d.End() || !sameFunc(cur, fn) || c.paths.ReturnFails(cur, ret) {
			continue // before the defer, in a literal, or a failure
		}
		return ret.Pos(), ret.End(), true
	}
	return token.NoPos, token.NoPos, false
}
