package discard

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
)

// failsAfter reports whether no path from stmt reports success, on the
// control-flow graph: every return it reaches reports failure (after a
// break out of a loop, say), or none is reachable at all (the function
// hangs, panics or exits). A discard in a loop is not excused so: the
// next round writes on past the lost error.
func (c *checker) failsAfter(stmt inspector.Cursor) bool {
	fn, g := c.cfgOf(stmt)
	if g == nil || paths.Recurs(g, stmt.Node()) {
		return false // no graph, or the discard runs again
	}
	return c.paths.FailsFrom(fn, g, stmt.Node(), c.paths.Guards(stmt))
}

// deferFails reports whether a deferred discard runs only on exits that
// report failure: every return reachable from the defer statement
// returns a non-nil error (or none is reachable), and a deferred closure
// does not set the results on the way out.
func (c *checker) deferFails(stmt inspector.Cursor, f form) bool {
	site := stmt
	if f != deferred {
		lit, ok := deferredLit(stmt)
		if !ok || c.setsResults(lit) {
			return false // the closure may turn the failure into success
		}
		site = lit.Parent().Parent()
	}
	fn, g := c.cfgOf(site)
	if g == nil {
		return false
	}
	return c.paths.FailsFrom(fn, g, site.Node(), c.paths.Guards(site))
}

// deferredLit returns the function literal called by a defer statement
// that encloses stmt most closely.
func deferredLit(stmt inspector.Cursor) (inspector.Cursor, bool) {
	for lit := range stmt.Enclosing((*ast.FuncLit)(nil)) {
		if lit.ParentEdgeKind() != edge.CallExpr_Fun {
			return lit, false // not called where it stands
		}
		_, ok := lit.Parent().Parent().Node().(*ast.DeferStmt)
		return lit, ok
	}
	return inspector.Cursor{}, false
}

// setsResults reports whether the literal at lit assigns a result
// variable of a function around it.
func (c *checker) setsResults(lit inspector.Cursor) bool {
	n := lit.Node()
	found := false
	ast.Inspect(n.(*ast.FuncLit).Body, func(m ast.Node) bool {
		as, ok := m.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for _, l := range as.Lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue // a field or element
			}
			v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
			if ok && v.Kind() == types.ResultVar && (v.Pos() < n.Pos() || v.Pos() >= n.End()) {
				found = true
			}
		}
		return !found
	})
	return found
}
