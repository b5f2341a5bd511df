package discard

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
)

// excused reports whether a discard is not a truncation: it is on a path
// that already reports failure (or never returns); the file it writes is
// removed right after; a later checked call returns a sticky writer's error
// again, here or (for a writer over a parameter) in every caller; it is in
// a helper called only on failing paths; or it is a deferred safety net
// behind a checked call that finishes the same writer, or runs only on
// exits that report failure.
func (c *checker) excused(stmt inspector.Cursor, f form, commit knowledge.Commit, r *knowledge.Resolver) bool {
	if c.removedAfter(stmt, commit, r) {
		return true
	}
	if c.failureHelper(stmt, f) || c.stickyInCallers(stmt, f, commit) || c.harmlessInCallers(stmt, f, commit) {
		return true
	}
	if f == deferred || paths.Deferred(stmt) {
		// Nothing runs after a deferred call to surface its error.
		return c.checkedElsewhere(stmt, commit) || c.deferFails(stmt, f)
	}
	if f == spawned {
		return false // nothing orders a goroutine's call before a later check
	}
	if c.stickyResurfaces(stmt, f, commit, r) || c.stickyBeneath(stmt, commit, r) {
		return true
	}
	if c.paths.Failing(stmt) {
		return true
	}
	return c.failsAfter(stmt)
}

// stickyResurfaces reports whether a discarded write or flush of a
// sticky writer has its error returned again by a checked call: later in
// the function, in a method of the writer's own type, or (for a field)
// elsewhere in the package (see fieldResurfaces).
func (c *checker) stickyResurfaces(stmt inspector.Cursor, f form, commit knowledge.Commit, r *knowledge.Resolver) bool {
	if commit.Target == nil || commit.Op == knowledge.OpClose || commit.Op == knowledge.OpCopy {
		return false // Close is the last call; a copy's read error is not sticky
	}
	t := c.pass.TypesInfo.TypeOf(commit.Target)
	if !r.Classify(commit.Target).Traits.Has(knowledge.Sticky) {
		return false
	}
	if decl, ok := paths.EnclosingDecl(stmt); ok && c.ownMethod(decl, t) {
		return true // the writer's own method keeps its own error state
	}
	if c.keptLater(stmt, commit) {
		return true
	}
	if sel, ok := ast.Unparen(commit.Target).(*ast.SelectorExpr); ok {
		return c.fieldResurfaces(stmt, f, commit, sel)
	}
	return false
}

// ownMethod reports whether decl is a method of the named type of t.
func (c *checker) ownMethod(decl *ast.FuncDecl, t types.Type) bool {
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || decl.Recv == nil {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv().Type()
	a, b := namedOf(recv), namedOf(t)
	return a != nil && b != nil && a.Origin() == b.Origin()
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// keptLater reports whether, after stmt in the same function, a call on
// the same writer has its result used.
func (c *checker) keptLater(stmt inspector.Cursor, commit knowledge.Commit) bool {
	outer, ok := outermost(stmt)
	if !ok {
		return false
	}
	for cur := range outer.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call.Pos() <= stmt.Node().End() || !c.callsMethodOn(call, stickyMethods, commit.Target) {
			continue
		}
		if f, stmt2 := c.formOf(cur, call); f.usesResult() && c.reaches(stmt, stmt2) {
			return true
		}
	}
	return false
}

// stickyMethods return a sticky writer's first error again.
var stickyMethods = []string{"Flush", "Close", "Error", "Write", "WriteString"}

// keptFields returns the struct fields holding writers on which the
// package makes a call whose result it uses; computed once per pass,
// with finishedFields.
func (c *checker) keptFields() map[*types.Var]bool {
	if c.kept != nil {
		return c.kept
	}
	c.kept = make(map[*types.Var]bool)
	c.finished = make(map[*types.Var]bool)
	for _, n := range c.files.Nodes() {
		if call, ok := n.N.(*ast.CallExpr); ok {
			c.noteKeptField(call)
		}
	}
	return c.kept
}

// noteKeptField notes the field of a sticky method call on a field
// (s.bw.Flush()) whose result the call uses.
func (c *checker) noteKeptField(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || c.pass.TypesInfo.Selections[sel] == nil {
		return // not a method call
	}
	field, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || !c.callsMethodOn(call, stickyMethods, field) {
		return // not a sticky method on a field
	}
	v, ok := c.pass.TypesInfo.ObjectOf(field.Sel).(*types.Var)
	if !ok || !v.IsField() {
		return // a method value's receiver, not a field
	}
	cur, ok := c.files.Cursor(call)
	if !ok {
		return
	}
	if f, _ := c.formOf(cur, call); f.usesResult() {
		c.kept[v] = true
		c.finished[v] = c.finished[v] || sel.Sel.Name != "Write" && sel.Sel.Name != "WriteString"
	}
}

// reaches reports whether the control-flow graph leads from the
// statement at from to the statement at to (a later call in the source
// may lie behind a return).
func (c *checker) reaches(from, to inspector.Cursor) bool {
	_, g := c.cfgOf(from)
	if g == nil {
		return true // no graph: assume it does
	}
	start, i := paths.Locate(g, from.Node())
	if start == nil {
		return true
	}
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, i int) bool
	walk = func(b *cfg.Block, i int) bool {
		for _, n := range b.Nodes[i:] {
			if n.Pos() <= to.Node().Pos() && to.Node().End() <= n.End() {
				return true
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if walk(s, 0) {
					return true
				}
			}
		}
		return false
	}
	return walk(start, i+1)
}
