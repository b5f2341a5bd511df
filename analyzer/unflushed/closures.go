package unflushed

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// writingClosures returns the function literals of fn, with the local
// variable each is bound to, that only write to w (walk := func(n *node)
// { fmt.Fprintln(bw, n.name) }) and whose variable is only ever called
// in place. Such a literal neither finishes w nor lets it escape: each
// call of it is a write of w where the call is. A literal that finishes
// w, or whose variable is passed, deferred or run as a goroutine, is
// not one: it captures w.
func (c *checker) writingClosures(fn inspector.Cursor, w *writer) map[*ast.FuncLit]*types.Var {
	lits := make(map[*ast.FuncLit]*types.Var)
	bad := make(map[*ast.FuncLit]bool)
	for cur := range fn.Preorder((*ast.Ident)(nil)) {
		if sameFunc(cur, fn) || c.pass.TypesInfo.ObjectOf(cur.Node().(*ast.Ident)) != w.v {
			continue // not a mention of w in a literal
		}
		lit := outermostLit(cur, fn)
		if bad[lit] || lits[lit] != nil {
			continue // judged already
		}
		v := c.boundVar(fn, lit)
		if v == nil || !c.onlyWrites(fn, lit, w) || !c.onlyCalled(fn, lit, v) {
			bad[lit] = true
			continue
		}
		lits[lit] = v
	}
	return lits
}

// outermostLit returns the function literal nested directly in fn that
// encloses cur.
func outermostLit(cur, fn inspector.Cursor) *ast.FuncLit {
	var lit *ast.FuncLit
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if f == fn {
			break
		}
		lit, _ = f.Node().(*ast.FuncLit)
	}
	return lit
}

// boundVar returns the local variable lit is assigned to in
// `f := func...`, `f = func...` or `var f = func...`, or nil.
func (c *checker) boundVar(fn inspector.Cursor, lit *ast.FuncLit) *types.Var {
	cur, ok := fn.FindNode(lit)
	if !ok {
		return nil
	}
	var id *ast.Ident
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			id, _ = ast.Unparen(as.Lhs[cur.ParentEdgeIndex()]).(*ast.Ident)
		}
	case edge.ValueSpec_Values:
		vs := cur.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			id = vs.Names[cur.ParentEdgeIndex()]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// onlyWrites reports whether every mention of w in lit writes to it or
// queries it, in lit itself rather than in a literal nested in it.
func (c *checker) onlyWrites(fn inspector.Cursor, lit *ast.FuncLit, w *writer) bool {
	litCur, ok := fn.FindNode(lit)
	if !ok {
		return false
	}
	for cur := range litCur.Preorder((*ast.Ident)(nil)) {
		if c.pass.TypesInfo.ObjectOf(cur.Node().(*ast.Ident)) != w.v {
			continue
		}
		if !sameFunc(cur, litCur) {
			return false // deeper still: not followed
		}
		if k := c.useAt(cur, w); k != useWrite && k != useQuery {
			return false
		}
	}
	return true
}

// onlyCalled reports whether every mention of v in fn, but its own
// declaration and the assignment of lit, calls it in place: not in a go
// or defer statement, not as a value.
func (c *checker) onlyCalled(fn inspector.Cursor, lit *ast.FuncLit, v *types.Var) bool {
	for cur := range fn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.pass.TypesInfo.Uses[id] != v {
			continue // another variable, or the declaration of v
		}
		switch cur.ParentEdgeKind() {
		case edge.CallExpr_Fun:
			switch cur.Parent().Parent().Node().(type) {
			case *ast.GoStmt, *ast.DeferStmt:
				return false // runs later, after any flush
			}
		case edge.AssignStmt_Lhs:
			if !assigns(cur.Parent().Node().(*ast.AssignStmt), lit) {
				return false // another value for v
			}
		default:
			return false // passed, stored or compared
		}
	}
	return true
}

func assigns(as *ast.AssignStmt, lit *ast.FuncLit) bool {
	for _, r := range as.Rhs {
		if ast.Unparen(r) == lit {
			return true
		}
	}
	return false
}

// callsOf returns a write event at each call of v in fn itself.
func (c *checker) callsOf(fn inspector.Cursor, v *types.Var) []event {
	var evs []event
	for cur := range fn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.pass.TypesInfo.Uses[id] == v && sameFunc(cur, fn) && cur.ParentEdgeKind() == edge.CallExpr_Fun {
			evs = append(evs, event{id.Pos(), useWrite})
		}
	}
	return evs
}
