package discard

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// outermost returns the outermost function around cur.
func outermost(cur inspector.Cursor) (inspector.Cursor, bool) {
	var outer inspector.Cursor
	found := false
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer, found = fn, true
	}
	return outer, found
}

// finishers are the methods whose checked call, anywhere in the
// function, makes a deferred discard of the key method a safety net.
var finishers = map[string][]string{
	"Close": {"Close", "Sync"},  // a checked Close, or a checked fsync
	"Flush": {"Flush", "Close"}, // a checked Flush, or the Close that flushes
}

// checkedElsewhere reports whether the function that defers commit also
// finishes the same writer with a call whose result it uses: the
// deferred call is then a safety net for early returns.
func (c *checker) checkedElsewhere(stmt inspector.Cursor, commit knowledge.Commit) bool {
	names := finishers[commit.Callee.Name()]
	if names == nil || commit.Target == nil {
		return false
	}
	outer, ok := outermost(stmt)
	if !ok {
		return false
	}
	for cur := range outer.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call == commit.Call || !c.callsMethodOn(call, names, commit.Target) {
			continue // another call, or on another writer
		}
		if f, _ := c.formOf(cur, call); f.usesResult() {
			return true
		}
	}
	return false
}

// callsMethodOn reports whether call is x.M() for one of names, with x
// the same variable or field path as target.
func (c *checker) callsMethodOn(call *ast.CallExpr, names []string, target ast.Expr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || c.pass.TypesInfo.Selections[sel] == nil {
		return false
	}
	for _, n := range names {
		if sel.Sel.Name == n {
			return refs.Same(c.pass.TypesInfo, sel.X, target)
		}
	}
	return false
}

// checkErrorRead reports a Flush without result (csv.Writer) whose error
// is never read with Error() afterwards, on a writer this function made.
func (c *checker) checkErrorRead(cur, stmt inspector.Cursor, f form, commit knowledge.Commit, r *knowledge.Resolver) {
	stake, ok := c.pkg.Matters(r, commit)
	if !ok || f == blank {
		return
	}
	if !c.madeHere(commit.Target, r) {
		return // a parameter or field: its owner may read Error()
	}
	outer, ok := outermost(stmt)
	if !ok || c.errorReadAfter(outer, commit, f == deferred || f == spawned) {
		return
	}
	name := types.ExprString(commit.Target)
	c.report.Report(analysis.Diagnostic{
		Pos: commit.Call.Pos(), End: commit.Call.End(),
		Message: fmt.Sprintf("%s on %s has no result and %s.Error() is not read after it; %s",
			refs.Callee(c.pass.TypesInfo, commit.Call), name, name, stake),
	})
}

// madeHere reports whether target is a local variable that this
// function assigns (csv.NewWriter(...)), not a parameter or a field.
func (c *checker) madeHere(target ast.Expr, r *knowledge.Resolver) bool {
	id, ok := ast.Unparen(target).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return ok && r.Assigned(v)
}

// errorReadAfter reports whether, after the flush (anywhere, for a
// deferred one), the function reads the writer's Error() or lets the
// writer go where someone else may read it.
func (c *checker) errorReadAfter(outer inspector.Cursor, commit knowledge.Commit, anywhere bool) bool {
	after := commit.Call.End()
	if anywhere {
		after = token.NoPos
	}
	for cur := range outer.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if id.Pos() < after || !refs.Same(c.pass.TypesInfo, id, ast.Unparen(commit.Target)) {
			continue // before the flush, or another variable
		}
		if c.pass.TypesInfo.Defs[id] != nil {
			continue // the declaration itself
		}
		if !c.onlyWrittenThrough(cur) {
			return true // Error() read, or the writer escapes
		}
	}
	return false
}

// onlyWrittenThrough reports whether the identifier at cur is used only
// as the receiver of a method other than Error: w.Write(...), w.Flush().
func (c *checker) onlyWrittenThrough(cur inspector.Cursor) bool {
	sel, ok := cur.Parent().Node().(*ast.SelectorExpr)
	if !ok || sel.X != cur.Node() || c.pass.TypesInfo.Selections[sel] == nil {
		return false // passed, returned, assigned, captured: it escapes
	}
	return sel.Sel.Name != "Error"
}
