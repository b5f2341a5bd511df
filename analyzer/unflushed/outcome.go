package unflushed

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// checkOutcome reports a finish of w whose failure is noticed but does
// not decide the result: `if err := bw.Flush(); err != nil { log.Print(err) }`
// followed by `return nil`. Only functions that return an error are
// checked: one without has no way to report the failure.
func (c *checker) checkOutcome(fn inspector.Cursor, w *writer) {
	sig, ok := c.signatureOf(fn.Node())
	if !ok || !knowledge.LastIsError(sig) {
		return
	}
	for cur := range fn.Preorder((*ast.IfStmt)(nil)) {
		ifs := cur.Node().(*ast.IfStmt)
		if ifs.Else != nil {
			continue // an else that may decide
		}
		if !sameFunc(cur, fn) {
			if d, ok := deferredIn(cur, fn); ok {
				c.checkDeferredOutcome(fn, sig, d, cur, w)
			}
			continue // in a nested literal
		}
		call, ok := c.checkedFinish(cur, ifs, w)
		if !ok || c.bodyFails(cur, ifs.Body) {
			continue
		}
		pos, end := c.successAfter(cur, call)
		c.reportOutcome(pos, end, call, w)
	}
}

func (c *checker) reportOutcome(pos, end token.Pos, call *ast.CallExpr, w *writer) {
	c.report.Report(analysis.Diagnostic{
		Pos: pos, End: end,
		Message: fmt.Sprintf("error from %s on %s is checked but the function goes on to report success; a failed %s is answered as done",
			refs.Callee(c.pass.TypesInfo, call), w.v.Name(), verbOf(call)),
		Related: []analysis.RelatedInformation{{Pos: call.Pos(), End: call.End(), Message: "the failure is noticed here and not returned"}},
	})
}

// successAfter returns the range of the success report that follows the
// if statement at ifCur: the first return after it in its block, or the
// end of the function; the finishing call itself when neither is found.
func (c *checker) successAfter(ifCur inspector.Cursor, call *ast.CallExpr) (token.Pos, token.Pos) {
	for next, ok := ifCur.NextSibling(); ok; next, ok = next.NextSibling() {
		if ret, ok := next.Node().(*ast.ReturnStmt); ok {
			return ret.Pos(), ret.End()
		}
	}
	if body, ok := ifCur.Parent().Node().(*ast.BlockStmt); ok {
		if _, isFunc := ifCur.Parent().Parent().Node().(*ast.FuncDecl); isFunc {
			return body.Rbrace, body.Rbrace + 1
		}
	}
	return call.Pos(), call.End()
}

// checkedFinish returns the finish of w whose error ifs checks, in
// `if err := w.Flush(); err != nil` or right after `err := w.Flush()`.
func (c *checker) checkedFinish(cur inspector.Cursor, ifs *ast.IfStmt, w *writer) (*ast.CallExpr, bool) {
	as, ok := ifs.Init.(*ast.AssignStmt)
	if !ok {
		prev, hasPrev := cur.PrevSibling()
		if !hasPrev || cur.ParentEdgeKind() != edge.BlockStmt_List {
			return nil, false
		}
		as, ok = prev.Node().(*ast.AssignStmt)
		if !ok {
			return nil, false
		}
	}
	if len(as.Rhs) != 1 || len(as.Lhs) != 1 {
		return nil, false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !c.finishesWriter(call, w) {
		return nil, false
	}
	errVar, _ := c.pass.TypesInfo.ObjectOf(lhsIdent(as)).(*types.Var)
	if errVar == nil || !c.comparesNonNil(ifs.Cond, errVar) {
		return nil, false
	}
	return call, true
}

func lhsIdent(as *ast.AssignStmt) *ast.Ident {
	id, _ := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if id == nil {
		return ast.NewIdent("_")
	}
	return id
}

// finishesWriter reports whether call is w.Flush() or w.Close().
func (c *checker) finishesWriter(call *ast.CallExpr, w *writer) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && c.fin.isVar(sel.X, w.v) && w.finishes(sel.Sel.Name)
}

// comparesNonNil reports whether cond is exactly `v != nil`.
func (c *checker) comparesNonNil(cond ast.Expr, v *types.Var) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	if id, ok := ast.Unparen(b.Y).(*ast.Ident); !ok || id.Name != "nil" {
		return false
	}
	return c.fin.isVar(b.X, v)
}

// bodyFails reports whether the error branch ends by reporting failure:
// its last statement is a return of a non-nil error or a call that never
// returns. A branch that falls through, or returns nil, does not.
func (c *checker) bodyFails(ifCur inspector.Cursor, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return true // an empty check is the discard check's finding
	}
	last := body.List[len(body.List)-1]
	switch s := last.(type) {
	case *ast.ReturnStmt:
		cur, ok := ifCur.FindNode(s)
		return !ok || c.paths.ReturnFails(cur, s)
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && c.paths.NeverReturns(call)
	case *ast.BranchStmt:
		return true // a break or goto: where it leads is not followed here
	}
	return false
}

func (c *checker) signatureOf(n ast.Node) (*types.Signature, bool) {
	var t types.Type
	switch n := n.(type) {
	case *ast.FuncDecl:
		if obj := c.pass.TypesInfo.Defs[n.Name]; obj != nil {
			t = obj.Type()
		}
	case *ast.FuncLit:
		t = c.pass.TypesInfo.TypeOf(n)
	}
	sig, ok := t.(*types.Signature)
	return sig, ok
}

func verbOf(call *ast.CallExpr) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" {
		return "close"
	}
	return "flush"
}
