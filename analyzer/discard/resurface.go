package discard

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// fieldResurfaces reports whether a discard on the sticky field sel has
// its error returned again by a checked call elsewhere in the package.
// Not for an error the function assigned (it meant to report it itself
// and loses it), nor when the function then closes the writer's
// destination (no later call uses the writer); and a discarded Flush in
// a function that returns an error needs a checked Flush, Close or Error:
// a later checked Write returns the error only with the next message,
// after this function reported this one sent. (A function with no error
// result cannot report it; the next checked Write is the first that can.)
func (c *checker) fieldResurfaces(stmt inspector.Cursor, f form, commit knowledge.Commit, sel *ast.SelectorExpr) bool {
	v, _ := c.pass.TypesInfo.ObjectOf(sel.Sel).(*types.Var)
	if v == nil || f == assigned || c.destClosedAfter(stmt, sel, v) {
		return false
	}
	if sig := c.enclosingSig(stmt); commit.Op == knowledge.OpFlush && sig != nil && knowledge.LastIsError(sig) {
		return c.finishedFields()[v]
	}
	return c.keptFields()[v]
}

// finishedFields returns the fields of keptFields on which the package
// uses the result of a finishing call (Flush, Close, Error), not only of
// a Write.
func (c *checker) finishedFields() map[*types.Var]bool {
	c.keptFields()
	return c.finished
}

// destClosedAfter reports whether, after stmt in its function, the
// destination field that the writer field v (selected by sel) is made
// over is closed on the same value: c.bw.Flush() then c.conn.Close().
func (c *checker) destClosedAfter(stmt inspector.Cursor, sel *ast.SelectorExpr, v *types.Var) bool {
	pair, ok := c.pkg.FieldPairs()[v.Origin()]
	if !ok {
		return false // no destination known
	}
	outer, ok := outermost(stmt)
	if !ok {
		return false
	}
	for cur := range outer.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call.Pos() <= stmt.Node().End() || !isCloseCall(c.pass.TypesInfo, call) {
			continue // before the discard, or not a Close
		}
		closed, ok := ast.Unparen(call.Fun.(*ast.SelectorExpr).X).(*ast.SelectorExpr)
		if !ok {
			continue // not a field
		}
		dest, _ := c.pass.TypesInfo.ObjectOf(closed.Sel).(*types.Var)
		if dest != nil && dest.Origin() == pair.Dest && refs.Same(c.pass.TypesInfo, closed.X, sel.X) {
			return true
		}
	}
	return false
}
