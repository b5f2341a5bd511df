package unflushed

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// destCloses returns the calls in fn that close (or hand back to a
// sync.Pool) the destination under w, when no finish of w follows them in
// the function: a finish after the close is the closeorder check's
// finding, not this one's.
func (c *checker) destCloses(fn inspector.Cursor, w *writer, evs []event) []*ast.CallExpr {
	if w.under == nil {
		return nil
	}
	last := lastFinish(evs)
	var calls []*ast.CallExpr
	for cur := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call.Pos() < last || !sameFunc(cur, fn) {
			continue // a finish follows, or in a nested literal
		}
		if c.closesDest(call, w.under) {
			calls = append(calls, call)
		}
	}
	return calls
}

// lastFinish returns the position of the last finish among the uses evs.
func lastFinish(evs []event) (last token.Pos) {
	for _, ev := range evs {
		if ev.kind == useFinish || ev.kind == useDeferFinish {
			last = max(last, ev.pos)
		}
	}
	return last
}

// closesDest reports whether call is dest.Close(), dest.CloseWrite() or
// pool.Put(dest).
func (c *checker) closesDest(call *ast.CallExpr, dest ast.Expr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || c.pass.TypesInfo.Selections[sel] == nil {
		return false
	}
	switch sel.Sel.Name {
	case "Close", "CloseWrite":
		return len(call.Args) == 0 && refs.Same(c.pass.TypesInfo, sel.X, dest)
	case "Put":
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "sync" &&
			len(call.Args) == 1 && refs.Same(c.pass.TypesInfo, call.Args[0], dest)
	}
	return false
}
