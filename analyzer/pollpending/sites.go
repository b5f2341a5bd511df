package pollpending

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// binding says what became of one result of a raw write.
type binding int

const (
	dropped binding = iota // assigned to _, or the call is a statement
	kept                   // held in a local variable of the function
	passed                 // returned, stored outside the function, or used as an operand
)

// site is one call of a raw write (or of a poll-style API learned from
// facts) inside one function.
type site struct {
	call *ast.CallExpr
	spec writeSpec
	u    *unit
	g    *cfg.CFG
	node ast.Node // the graph node holding the call

	cnt    binding
	cntVar *types.Var // the count variable, if a variable holds it
	errVar *types.Var // the error variable, if a variable holds it

	loopHeads map[ast.Node]bool // conditions and post statements of the for loops around the call
}

// retries reports whether reaching n from s runs the write again: n is
// the write itself, or the condition or post statement of a for loop
// around it. (A range loop moves on to the next element instead.)
func (s *site) retries(n ast.Node) bool {
	return n == s.node || s.loopHeads[n]
}

// collectSites returns the raw-write sites of the package in source order.
func (c *checker) collectSites() []*site {
	var all []*site
	for _, f := range c.files.Funcs() {
		if u := c.unitOf(f.N); u != nil {
			all = append(all, c.sitesOf(u)...)
		}
	}
	return all
}

// sitesOf returns the raw-write sites directly in u, not in the
// function literals it contains.
func (c *checker) sitesOf(u *unit) []*site {
	if s, ok := c.siteCache[u]; ok {
		return s
	}
	c.siteCache[u] = nil // a recursive request sees no sites
	if !c.hasRawWrite(u) {
		return nil // the fast path: no call to walk to
	}
	var g *cfg.CFG // built at the first raw write: most units have none
	var sites []*site
	var stack []ast.Node
	ast.Inspect(u.body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // another unit
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if s := c.newSite(u, &g, call, stack); s != nil {
				sites = append(sites, s)
			}
		}
		stack = append(stack, n)
		return true
	})
	c.siteCache[u] = sites
	return sites
}

// hasRawWrite reports whether u calls a raw write directly (not in the
// function literals it contains), from the package's index.
func (c *checker) hasRawWrite(u *unit) bool {
	i, ok := c.files.FuncIndex(u.node)
	if !ok {
		return true // not indexed: walk it
	}
	for n := range c.files.Own(i) {
		if call, ok := n.N.(*ast.CallExpr); ok {
			if _, ok := c.writeSpecOf(call); ok {
				return true
			}
		}
	}
	return false
}

// newSite returns the site of call if it is a raw write; stack holds
// the call's ancestors within u, and *gp u's graph once built.
func (c *checker) newSite(u *unit, gp **cfg.CFG, call *ast.CallExpr, stack []ast.Node) *site {
	spec, ok := c.writeSpecOf(call)
	if !ok {
		return nil // not a raw write
	}
	if *gp == nil {
		*gp = c.graph(u)
	}
	g := *gp
	b, i := nodeIndex(g, call)
	if b == nil {
		return nil // unreachable or not in the graph
	}
	s := &site{call: call, spec: spec, u: u, g: g, node: b.Nodes[i], cnt: passed}
	c.bind(s, parentOf(stack))
	s.loopHeads = make(map[ast.Node]bool)
	for _, n := range stack {
		if loop, ok := n.(*ast.ForStmt); ok {
			if loop.Cond != nil {
				s.loopHeads[loop.Cond] = true
			}
			if loop.Post != nil {
				s.loopHeads[loop.Post] = true
			}
		}
	}
	return s
}

// writeSpecOf describes call when it is a raw write or a call of a
// poll-style API known by fact.
func (c *checker) writeSpecOf(call *ast.CallExpr) (writeSpec, bool) {
	fn := c.callee(call)
	if fn == nil {
		return writeSpec{}, false // dynamic call or conversion
	}
	if spec, ok := rawWriteSpec(fn); ok {
		return spec, true
	}
	if pw := c.summaryOf(fn).pollWrite; pw != nil {
		return writeSpec{count: true, fd: -1, buf: pw.Buf, user: true}, true
	}
	return writeSpec{}, false
}

// parentOf returns the nearest ancestor that is not a parenthesis.
func parentOf(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			return stack[i]
		}
	}
	return nil
}

// bind records where the results of the call of s go.
func (c *checker) bind(s *site, parent ast.Node) {
	var lhs []ast.Expr
	switch p := parent.(type) {
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		s.cnt = dropped
		return
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || (p.Tok != token.ASSIGN && p.Tok != token.DEFINE) {
			return // the call is one operand among others
		}
		lhs = p.Lhs
	case *ast.ValueSpec:
		if len(p.Values) != 1 {
			return
		}
		for _, id := range p.Names {
			lhs = append(lhs, id)
		}
	default:
		return // returned, or an operand: the results are handed on
	}
	if !s.spec.count {
		if len(lhs) == 1 {
			s.errVar = c.varOf(lhs[0])
		}
		return
	}
	if len(lhs) != 2 {
		return // ill-typed
	}
	s.cnt, s.cntVar = c.bindCount(s.u, lhs[0])
	s.errVar = c.varOf(lhs[1])
}

// bindCount classifies the left-hand side that receives the count.
func (c *checker) bindCount(u *unit, e ast.Expr) (binding, *types.Var) {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "_" {
		return dropped, nil
	}
	v := c.varOf(e)
	if v != nil && u.isLocal(v) {
		return kept, v
	}
	if c.unreadStore(e) {
		return dropped, nil // a field or global nothing reads
	}
	return passed, v // a field, a captured variable or a named result
}
