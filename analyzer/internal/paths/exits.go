package paths

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// FailsFrom reports whether no path from node n of g, the control-flow
// graph of the function at fn, reports success: every return it reaches
// reports failure, given the error variables the path proves non-nil
// (known, the guards at n, and the conditions and assignments on the
// way), and every other path ends in a call that never returns or loops
// forever. Unlike Failing it follows loops and branch statements, so it
// also holds when no return can be reached at all.
func (c *Checker) FailsFrom(fn inspector.Cursor, g *cfg.CFG, n ast.Node, known map[types.Object]bool) bool {
	b, i := Locate(g, n)
	if b == nil {
		return false // n is not a node of g: nothing to follow
	}
	s := &failSearch{c: c, fn: fn, index: make(map[*types.Var]uint), seen: make(map[failVisit]bool)}
	var start uint64
	for obj := range known {
		if v, ok := obj.(*types.Var); ok {
			start = s.set(start, v)
		}
	}
	return s.from(b, i+1, s.assign(n, start)) // n itself may assign a known error
}

// Recurs reports whether node n of g can run again after it runs: it
// lies in a loop.
func Recurs(g *cfg.CFG, n ast.Node) bool {
	b, _ := Locate(g, n)
	if b == nil {
		return true // unknown: assume the worst
	}
	seen := make(map[*cfg.Block]bool)
	stack := append([]*cfg.Block(nil), b.Succs...)
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s == b {
			return true
		}
		if !seen[s] {
			seen[s] = true
			stack = append(stack, s.Succs...)
		}
	}
	return false
}

// Locate returns the block of g holding node n and its index there
// (nil when n is not a node of g).
func Locate(g *cfg.CFG, n ast.Node) (*cfg.Block, int) {
	for _, b := range g.Blocks {
		for i, m := range b.Nodes {
			if m == n {
				return b, i
			}
		}
	}
	return nil, 0
}

// failSearch is one FailsFrom search. A path's knowledge is a bit set
// over the error variables met so far (at most 64; others are not
// tracked, which only makes fewer returns count as failing).
type failSearch struct {
	c     *Checker
	fn    inspector.Cursor
	index map[*types.Var]uint
	vars  []*types.Var
	seen  map[failVisit]bool
	rets  map[ast.Node]inspector.Cursor // the returns of fn, found on first need
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// failVisit keys a block entered with a set of non-nil variables.
type failVisit struct {
	b     *cfg.Block
	known uint64
}

// from follows the paths from b.Nodes[i], knowing known non-nil, and
// reports whether none of them reports success.
func (s *failSearch) from(b *cfg.Block, i int, known uint64) bool {
	for _, n := range b.Nodes[i:] {
		if ret, ok := n.(*ast.ReturnStmt); ok {
			return s.fails(ret, known)
		}
		known = s.assign(n, known)
	}
	for k, next := range b.Succs {
		if v := s.c.NilOnBranch(b, k); v != nil && s.has(known, v) {
			continue // cannot happen on this path
		}
		nk := known
		if v := s.c.NonNilOnBranch(b, k); v != nil {
			nk = s.set(nk, v)
		}
		if key := (failVisit{next, nk}); !s.seen[key] {
			s.seen[key] = true
			if !s.from(next, 0, nk) {
				return false
			}
		}
	}
	return true // no successors: a call that never returns; or every successor fails
}

// fails judges a return reached knowing known non-nil.
func (s *failSearch) fails(ret *ast.ReturnStmt, known uint64) bool {
	if s.rets == nil {
		s.rets = returnsOf(s.fn)
	}
	return s.c.returnFails(s.fn, s.rets, ret, s.guardsOf(known))
}

// ReturnFailsKnowing reports whether ret, a return node of the CFG of
// the function at fn, reports failure where the variables known (nil
// entries aside) are non-nil, besides what the checks around it prove.
func (c *Checker) ReturnFailsKnowing(fn inspector.Cursor, ret *ast.ReturnStmt, known ...*types.Var) bool {
	g := make(map[types.Object]bool)
	for _, v := range known {
		if v != nil {
			g[v] = true
		}
	}
	rets := make(map[ast.Node]inspector.Cursor, 1)
	if cur, ok := fn.FindNode(ret); ok {
		rets[ret] = cur
	}
	return c.returnFails(fn, rets, ret, g)
}

// returnFails judges ret, knowing the variables in known non-nil; rets
// holds the cursors of fn's return statements.
func (c *Checker) returnFails(fn inspector.Cursor, rets map[ast.Node]inspector.Cursor, ret *ast.ReturnStmt, known map[types.Object]bool) bool {
	cur, ok := rets[ret]
	if !ok {
		cur, ret = body(fn), nil // the implicit return at the closing brace, in no syntax tree
	}
	guards := c.guards(cur)
	for v := range known {
		guards[v] = true
	}
	return c.verdictWith(cur, ret, guards) == failing
}

// returnsOf returns the cursors of the return statements in fn.
func returnsOf(fn inspector.Cursor) map[ast.Node]inspector.Cursor {
	rets := make(map[ast.Node]inspector.Cursor)
	for cur := range fn.Preorder((*ast.ReturnStmt)(nil)) {
		rets[cur.Node()] = cur
	}
	return rets
}

// body returns the cursor of the body of the function at fn.
func body(fn inspector.Cursor) inspector.Cursor {
	if _, ok := fn.Node().(*ast.FuncDecl); ok {
		return fn.ChildAt(edge.FuncDecl_Body, -1)
	}
	return fn.ChildAt(edge.FuncLit_Body, -1)
}

// assign updates known for the CFG node n: an assignment or declaration
// of a variable makes it non-nil when the value is, unknown otherwise;
// taking its address makes it unknown.
func (s *failSearch) assign(n ast.Node, known uint64) uint64 {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			var rhs ast.Expr
			if len(n.Rhs) == len(n.Lhs) {
				rhs = n.Rhs[i]
			}
			known = s.store(l, rhs, known)
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			var rhs ast.Expr
			if len(n.Values) == len(n.Names) {
				rhs = n.Values[i]
			}
			known = s.store(name, rhs, known)
		}
	}
	return s.addressed(n, known)
}

// store records that lhs is assigned rhs (nil: a value of a tuple).
func (s *failSearch) store(lhs, rhs ast.Expr, known uint64) uint64 {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return known // a field or element: not tracked
	}
	v, ok := s.c.Info.ObjectOf(id).(*types.Var)
	if !ok {
		return known
	}
	if rhs != nil && s.c.nonNil(rhs, s.guardsOf(known)) {
		return s.set(known, v)
	}
	return s.clear(known, v)
}

// addressed forgets the variables whose address n takes: a callee may
// set them to nil.
func (s *failSearch) addressed(n ast.Node, known uint64) uint64 {
	if known == 0 {
		return known
	}
	ast.Inspect(n, func(m ast.Node) bool {
		if u, ok := m.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok {
				if v, ok := s.c.Info.Uses[id].(*types.Var); ok {
					known = s.clear(known, v)
				}
			}
		}
		return true
	})
	return known
}

func (s *failSearch) guardsOf(known uint64) map[types.Object]bool {
	g := make(map[types.Object]bool)
	for i, v := range s.vars {
		if known&(1<<i) != 0 {
			g[v] = true
		}
	}
	return g
}

// set adds v to known, if it is an error and there is room to track
// it.
func (s *failSearch) set(known uint64, v *types.Var) uint64 {
	i, ok := s.index[v]
	if !ok {
		if !types.IsInterface(v.Type()) || !types.Implements(v.Type(), errorType) {
			return known // only errors tell failure
		}
		if len(s.vars) == 64 {
			return known // too many variables: v stays unknown
		}
		i = uint(len(s.vars))
		s.index[v] = i
		s.vars = append(s.vars, v)
	}
	return known | 1<<i
}

func (s *failSearch) clear(known uint64, v *types.Var) uint64 {
	if i, ok := s.index[v]; ok {
		return known &^ (1 << i)
	}
	return known
}

func (s *failSearch) has(known uint64, v *types.Var) bool {
	i, ok := s.index[v]
	return ok && known&(1<<i) != 0
}
