package unflushed

import (
	"go/ast"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// soleUser returns the function literal that alone writes, finishes or
// hands on w, when fn only creates w and asks it questions
// (mw.FormDataContentType()) and the literal is started as a goroutine
// or passed to a call (g.Go(func() error {...})): the literal owns w,
// and its own paths decide whether w is finished.
func (c *checker) soleUser(fn inspector.Cursor, w *writer) (inspector.Cursor, bool) {
	var lit *ast.FuncLit
	for cur := range fn.Preorder((*ast.Ident)(nil)) {
		if c.pass.TypesInfo.ObjectOf(cur.Node().(*ast.Ident)) != w.v {
			continue // another variable
		}
		if sameFunc(cur, fn) {
			if k := c.useAt(cur, w); k != useDefine && k != useQuery {
				return inspector.Cursor{}, false // fn uses w itself
			}
			continue
		}
		l := outermostLit(cur, fn)
		if lit != nil && l != lit {
			return inspector.Cursor{}, false // shared by two literals
		}
		lit = l
	}
	if lit == nil {
		return inspector.Cursor{}, false
	}
	cur, ok := fn.FindNode(lit)
	if !ok || !handedOn(cur) {
		return inspector.Cursor{}, false
	}
	return cur, true
}

// handedOn reports whether the literal at cur runs as a goroutine (go
// func() {...}()) or is passed to a call, rather than called in place,
// deferred or stored.
func handedOn(cur inspector.Cursor) bool {
	switch cur.ParentEdgeKind() {
	case edge.CallExpr_Args:
		return true
	case edge.CallExpr_Fun:
		_, isGo := cur.Parent().Parent().Node().(*ast.GoStmt)
		return isGo
	}
	return false
}

// searchLit runs the search for w, made in an enclosing function, over
// the literal at lit that owns it, from the literal's entry.
func (c *checker) searchLit(lit inspector.Cursor, w *writer) {
	g := c.cfgs.FuncLit(lit.Node().(*ast.FuncLit))
	if g == nil || len(g.Blocks) == 0 {
		return
	}
	s := &walk{c: c, fn: lit, w: w, seen: make(map[visit]bool)}
	s.events = c.usesOf(lit, w)
	s.closes = c.destCloses(lit, w, s.events)
	s.from(g.Blocks[0], 0, state{})
}
