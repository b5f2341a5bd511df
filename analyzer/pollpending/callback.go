package pollpending

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// checkCallbacks finds the callbacks passed to RawConn.Write (and Read)
// and reports those that return true where a raw write in them may have
// returned EAGAIN.
func (c *checker) checkCallbacks(sites []*site) {
	byUnit := make(map[*unit][]*site)
	for _, s := range sites {
		byUnit[s.u] = append(byUnit[s.u], s)
	}
	for _, n := range c.files.Nodes() {
		call, ok := n.N.(*ast.CallExpr)
		if !ok {
			continue // not a call
		}
		method := c.rawConnMethod(call)
		if method == "" {
			continue // not RawConn.Write or RawConn.Read
		}
		u := c.callbackUnit(c.files.FileOf(call), call)
		if u == nil {
			continue // a callback whose body we cannot see
		}
		if _, seen := c.callbacks[u]; seen {
			continue // passed twice: checked once
		}
		c.callbacks[u] = method
		c.checkCallback(u, method, byUnit[u])
	}
}

// callbackUnit returns the function passed to a RawConn method: a
// literal, a function or method declared in this package, or a local
// variable assigned a literal once.
func (c *checker) callbackUnit(f *ast.File, call *ast.CallExpr) *unit {
	switch arg := ast.Unparen(call.Args[0]).(type) {
	case *ast.FuncLit:
		return c.unitOf(arg)
	case *ast.Ident, *ast.SelectorExpr:
		switch obj := c.pass.TypesInfo.ObjectOf(refs.Leaf(arg)).(type) {
		case *types.Func:
			if decl := c.cfgs.Decl(obj.Origin()); decl != nil && decl.Body != nil {
				return c.unitOf(decl)
			}
		case *types.Var:
			if lit := c.literalOf(f, call, obj); lit != nil {
				return c.unitOf(lit)
			}
		}
	}
	return nil
}

// literalOf returns the function literal v is set to, when the function
// around call assigns v exactly once.
func (c *checker) literalOf(f *ast.File, call *ast.CallExpr, v *types.Var) *ast.FuncLit {
	encl := c.enclosingUnit(f, call)
	if encl == nil {
		return nil
	}
	lit, _ := ast.Unparen(c.soleDefinition(encl.body, v)).(*ast.FuncLit)
	return lit
}

// enclosingUnit returns the innermost function of f around n.
func (c *checker) enclosingUnit(f *ast.File, n ast.Node) *unit {
	var inner ast.Node
	ast.Inspect(f, func(m ast.Node) bool {
		if m == nil || m.Pos() > n.Pos() || m.End() < n.End() {
			return false // does not contain n
		}
		switch m.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			inner = m
		}
		return true
	})
	if inner == nil {
		return nil
	}
	return c.unitOf(inner)
}

// checkCallback checks one callback of RawConn.Write or RawConn.Read.
func (c *checker) checkCallback(u *unit, method string, sites []*site) {
	var fd *types.Var
	if u.sig.Params().Len() == 1 {
		fd = u.sig.Params().At(0)
	}
	returns := make(map[*ast.ReturnStmt][]*site)
	for _, s := range sites {
		if method == "Read" && !c.writesTo(s, fd) {
			continue // a Read callback that does not write to its descriptor
		}
		for _, ret := range c.trueAfterEAGAIN(u, s) {
			returns[ret] = append(returns[ret], s)
		}
	}
	rets := make([]*ast.ReturnStmt, 0, len(returns))
	for ret := range returns {
		rets = append(rets, ret)
	}
	slices.SortFunc(rets, func(a, b *ast.ReturnStmt) int { return int(a.Pos() - b.Pos()) })
	for _, ret := range rets {
		c.reportCallback(u, method, ret, returns[ret])
	}
}

// writesTo reports whether the call of s mentions the descriptor fd.
func (c *checker) writesTo(s *site, fd *types.Var) bool {
	if fd == nil {
		return false
	}
	found := false
	for _, arg := range s.call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == fd {
				found = true
			}
			return !found
		})
	}
	return found
}

// trueAfterEAGAIN returns the "return true" statements of u reachable
// from s on a path where the write's error may be EAGAIN.
func (c *checker) trueAfterEAGAIN(u *unit, s *site) []*ast.ReturnStmt {
	var rets []*ast.ReturnStmt
	t := &tester{c: c, u: u, err: s.errVar, cnt: s.cntVar}
	if res := u.sig.Results(); res.Len() == 1 && res.At(0).Name() != "" {
		t.done = res.At(0) // func(fd uintptr) (done bool)
	}
	t.walk(s.g, s.node, func(n ast.Node, set errSet) bool {
		if set&errAgain == 0 || s.retries(n) {
			return true // EAGAIN ruled out, or the write is retried in place
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			return false
		}
		done := len(ret.Results) == 1 && t.trueOnEAGAIN(ret.Results[0]) ||
			len(ret.Results) == 0 && set&doneSet != 0 // done = true; return
		if done && !slices.Contains(rets, ret) {
			rets = append(rets, ret)
		}
		return true
	})
	return rets
}

// trueOnEAGAIN reports whether e is true whenever the error is EAGAIN:
// the constant true, or a test such as err != unix.EINTR that can be
// false only for other errors; or whether e is an EAGAIN test of
// another error (cerr != unix.EAGAIN, with cerr a setsockopt's), whose
// answer is true whatever the write returned.
func (t *tester) trueOnEAGAIN(e ast.Expr) bool {
	if t.c.isBoolConst(e, true) {
		return true
	}
	if t.c.isBoolConst(e, false) {
		return false
	}
	ifTrue, ifFalse := t.refine(e)
	if ifTrue == errAny && ifFalse == errAny {
		return t.err != nil && t.c.mentionsAgainTest(e) // the test was meant for this write
	}
	return ifFalse&errAgain == 0
}

// mentionsAgainTest reports whether e names EAGAIN (or EWOULDBLOCK) or
// calls a helper known to test for it.
func (c *checker) mentionsAgainTest(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // not evaluated here
		case *ast.Ident:
			found = found || c.isEAGAIN(n)
		case *ast.CallExpr:
			if fn := c.callee(n); fn != nil {
				f := c.summaryOf(fn).errTest
				found = found || f != nil && f.isEAGAINTest()
			}
		}
		return !found
	})
	return found
}

func (c *checker) reportCallback(u *unit, method string, ret *ast.ReturnStmt, sites []*site) {
	msg := fmt.Sprintf("RawConn.%s callback returns true after EAGAIN; the runtime will not wait for the socket and the unsent bytes are dropped", method)
	var related []analysis.RelatedInformation
	for _, s := range sites {
		related = append(related, analysis.RelatedInformation{
			Pos:     s.call.Pos(),
			End:     s.call.End(),
			Message: calleeName(s.call) + " may return EAGAIN here",
		})
	}
	var fixes []analysis.SuggestedFix
	if len(sites) == 1 && len(ret.Results) == 1 && c.isBoolConst(ret.Results[0], true) {
		fixes = c.callbackFix(u, ret, sites[0])
	}
	c.report(ret.Pos(), ret.End(), msg, related, fixes)
}

// callbackFix replaces "return true" by "return err != unix.EAGAIN"
// when err holds the error of the one raw write that reaches it, is
// visible there, and is assigned nowhere else in the callback.
func (c *checker) callbackFix(u *unit, ret *ast.ReturnStmt, s *site) []analysis.SuggestedFix {
	if s.spec.user || s.errVar == nil {
		return nil // no EAGAIN constant to name, or no error to test
	}
	fn := c.callee(s.call)
	pkg := c.importName(ret.Pos(), fn.Pkg())
	if pkg == "" || c.lookup(ret.Pos(), s.errVar.Name()) != s.errVar || c.assignments(u, s.errVar) != 1 {
		return nil
	}
	expr := ret.Results[0]
	text := s.errVar.Name() + " != " + pkg + ".EAGAIN"
	return []analysis.SuggestedFix{{
		Message:   "Return " + text,
		TextEdits: []analysis.TextEdit{{Pos: expr.Pos(), End: expr.End(), NewText: []byte(text)}},
	}}
}

// lookup resolves name at pos.
func (c *checker) lookup(pos token.Pos, name string) types.Object {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// importName returns the name under which the file at pos imports pkg,
// if that name resolves to it at pos.
func (c *checker) importName(pos token.Pos, pkg *types.Package) string {
	for _, f := range c.pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue // another file
		}
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil || path != pkg.Path() {
				continue
			}
			pn := c.pass.TypesInfo.PkgNameOf(imp)
			if pn != nil && c.lookup(pos, pn.Name()) == pn {
				return pn.Name()
			}
		}
	}
	return ""
}

// assignments counts the statements of u that assign v.
func (c *checker) assignments(u *unit, v *types.Var) int {
	n := 0
	ast.Inspect(u.body, func(m ast.Node) bool {
		if a, ok := m.(*ast.AssignStmt); ok {
			for _, l := range a.Lhs {
				if c.varOf(l) == v {
					n++
				}
			}
		}
		return true
	})
	return n
}
