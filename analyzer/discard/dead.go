package discard

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// deadness says how an assigned error is lost on some path.
type deadness int

const (
	read        deadness = iota // every path reads it
	overwritten                 // some path assigns it again first
	dies                        // some path returns without reading it
)

// deadError reports whether the error that stmt assigns to v is lost on
// some path of the function's control-flow graph: overwritten, or never
// read before the function returns success. A path that returns failure
// loses nothing: if errf := zw.Flush(); err == nil { err = errf } drops
// errf only where err is non-nil, and a later return of err, or of an
// error wrapping it, reports that. Reading one of the witnesses (the
// count assigned beside the error, n in n, err := w.Write(p)) counts as
// reading it: the function checked the outcome by the count. Variables
// captured by a function literal or whose address is taken are assumed
// read.
func (c *checker) deadError(stmt inspector.Cursor, v *types.Var, witnesses []*types.Var) deadness {
	fn, g := c.cfgOf(stmt)
	if g == nil || c.escapes(fn.Node(), v) {
		return read
	}
	d := &deadSearch{c: c, fn: fn, v: v, witnesses: witnesses, seen: make(map[deadVisit]bool)}
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n == stmt.Node() {
				return d.from(b, i+1, nil)
			}
		}
	}
	return read
}

// deadSearch is one search for a path that loses an assigned error.
type deadSearch struct {
	c         *checker
	fn        inspector.Cursor // the function searched
	v         *types.Var
	witnesses []*types.Var
	seen      map[deadVisit]bool
}

// deadVisit keys a block entered knowing nonNil to be non-nil.
type deadVisit struct {
	b      *cfg.Block
	nonNil *types.Var
}

// from walks forward from b.Nodes[i] until v is read, overwritten or
// the function ends, and returns the worst outcome over all paths.
func (d *deadSearch) from(b *cfg.Block, i int, nonNil *types.Var) deadness {
	c := d.c
	for ; i < len(b.Nodes); i++ {
		n := b.Nodes[i]
		switch c.access(n, d.v) {
		case accRead:
			return read
		case accWrite:
			return overwritten
		}
		if d.witnessRead(n) {
			return read
		}
		if nonNil != nil && c.paths.Assigns(n, nonNil) {
			nonNil = nil
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			if c.atReturn(ret, d.v) == read || c.paths.ReturnFailsKnowing(d.fn, ret, nonNil) {
				return read // read, or the path returns failure anyway: nothing claims success
			}
			return dies
		}
	}
	worst := read // no successors: a call that never returns, or a select with no case left; the CFG ends functions with a return node
	for k, s := range b.Succs {
		if nonNil != nil && c.paths.NilOnBranch(b, k) == nonNil {
			continue // cannot happen on this path
		}
		next := nonNil
		if nn := c.paths.NonNilOnBranch(b, k); nn != nil {
			next = nn
		}
		if key := (deadVisit{s, next}); !d.seen[key] {
			d.seen[key] = true
			worst = max(worst, d.from(s, 0, next))
		}
	}
	return worst
}

// witnessRead reports whether node n compares a witness (if n == len(p)):
// merely passing the count on checks nothing.
func (d *deadSearch) witnessRead(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok || found {
			return !found
		}
		switch b.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			for _, w := range d.witnesses {
				found = found || d.c.mentions(b, w)
			}
		}
		return !found
	})
	return found
}

// atReturn: a bare return reads a named result; any other return that
// does not mention v lets it die.
func (c *checker) atReturn(ret *ast.ReturnStmt, v *types.Var) deadness {
	if len(ret.Results) == 0 && c.isResult(v) {
		return read
	}
	return dies
}

func (c *checker) isResult(v *types.Var) bool {
	return v.Kind() == types.ResultVar
}

type access int

const (
	accNone access = iota
	accRead
	accWrite
)

// access tells whether the CFG node n reads v, or assigns it without
// reading it. `_ = err` is not a read: it is a discard.
func (c *checker) access(n ast.Node, v *types.Var) access {
	if as, ok := n.(*ast.AssignStmt); ok {
		return c.assignAccess(as, v)
	}
	if c.mentions(n, v) {
		return accRead
	}
	return accNone
}

func (c *checker) assignAccess(as *ast.AssignStmt, v *types.Var) access {
	if allBlank(as.Lhs) {
		return accNone // _ = err throws it away
	}
	for _, r := range as.Rhs {
		if c.mentions(r, v) {
			return accRead
		}
	}
	for _, l := range as.Lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			if c.mentions(l, v) {
				return accRead // x[err] = ..., p.f = ...
			}
			continue
		}
		if c.pass.TypesInfo.ObjectOf(id) == v {
			if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
				return accRead // err += ... reads it
			}
			return accWrite
		}
	}
	return accNone
}

func (c *checker) mentions(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// escapes reports whether v is captured by a function literal or has
// its address taken inside fn: its reads are then out of sight.
func (c *checker) escapes(fn ast.Node, v *types.Var) bool {
	esc := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if n != fn && c.mentions(n.Body, v) {
				esc = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && c.mentions(n.X, v) {
				esc = true
			}
		}
		return !esc
	})
	return esc
}

// cfgOf returns the innermost function around cur and its CFG.
func (c *checker) cfgOf(cur inspector.Cursor) (inspector.Cursor, *cfg.CFG) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fn, c.cfgs.Func(fn.Node())
	}
	return inspector.Cursor{}, nil
}
