package pollpending

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// checkCount reports a raw write whose byte count is dropped, or kept
// but never looked at, on a path that ends in success.
func (c *checker) checkCount(s *site) {
	if !s.spec.count || s.cnt == passed {
		return // no count, or the count is handed on
	}
	if _, ok := c.callbacks[s.u]; ok || isCallbackSig(s.u.sig) {
		return // a RawConn callback, seen or not: its answer is the EAGAIN test (see doc)
	}
	if c.blockingFD(s) || c.atomicBuffer(s) || c.eventFD(s) {
		return // a blocking descriptor, too few bytes to be split, or an eventfd
	}
	ret := c.uncheckedSuccess(s)
	if ret == nil {
		return
	}
	name := "some"
	if s.cnt == kept {
		name = s.cntVar.Name()
	}
	msg := fmt.Sprintf("short write from %s is ignored; %s of %s may be all that was sent",
		calleeName(s.call), name, c.lenPhrase(s))
	end := ret.End()
	if len(ret.Results) == 0 {
		end = token.NoPos // maybe the closing brace: the graph's implicit return
	}
	c.report(s.call.Pos(), s.call.End(), msg, []analysis.RelatedInformation{{
		Pos:     ret.Pos(),
		End:     end,
		Message: "success is reported here without comparing the count with the length",
	}}, nil)
}

// uncheckedSuccess returns a return statement that reports success on a
// path from s where the write did not fail and the count was not used.
func (c *checker) uncheckedSuccess(s *site) *ast.ReturnStmt {
	var cnt *types.Var
	if s.cnt == kept {
		cnt = s.cntVar
	}
	var found *ast.ReturnStmt
	t := &tester{c: c, u: s.u, err: s.errVar, cnt: cnt}
	t.walk(s.g, s.node, func(n ast.Node, set errSet) bool {
		switch {
		case found != nil:
			return true // one path is enough
		case set&okPos == 0:
			return true // failed, or wrote 0 bytes: only an empty buffer writes 0 without an error
		case n == s.node:
			return true // the write again: a retry
		case cnt != nil && c.usesCount(n, cnt):
			return true // the count is looked at
		case cnt != nil && s.u.inLoopCond(n) && c.mentions(n, cnt):
			return true // for n > 0 { ... }: a loop that consumes the count
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			if c.reportsSuccess(s.u, ret) {
				found = ret
			}
			return true
		}
		return false
	})
	return found
}

// reportsSuccess reports whether ret may report success: it returns
// nothing, a nil-able error that is not a fresh one, or anything but
// false for a bool.
func (c *checker) reportsSuccess(u *unit, ret *ast.ReturnStmt) bool {
	res := u.sig.Results()
	if res.Len() == 0 || len(ret.Results) != res.Len() {
		return true // nothing to report failure with, or a bare return
	}
	last := ret.Results[res.Len()-1]
	switch typ := res.At(res.Len() - 1).Type(); {
	case isError(typ):
		return !c.definitelyError(last)
	case isBool(typ):
		return !c.isBoolConst(last, false)
	}
	return true
}

// definitelyError reports whether e is certainly a non-nil error: a
// constant, a composite literal, a package-level error variable, or a
// call of errors.New or fmt.Errorf.
func (c *checker) definitelyError(e ast.Expr) bool {
	e = ast.Unparen(e)
	if c.isErrorValue(e) {
		return true // syscall.EINVAL, io.ErrShortWrite
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, ok := ast.Unparen(e.X).(*ast.CompositeLit)
		return ok && e.Op == token.AND
	case *ast.CallExpr:
		fn := c.callee(e)
		return fn != nil && fn.Pkg() != nil &&
			(fn.Pkg().Path() == "errors" && fn.Name() == "New" || fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf")
	}
	return false
}

// inLoopCond reports whether n is (part of) the condition of a for loop.
func (u *unit) inLoopCond(n ast.Node) bool {
	if u.loopConds == nil {
		u.loopConds = []ast.Expr{}
		ast.Inspect(u.body, func(m ast.Node) bool {
			if loop, ok := m.(*ast.ForStmt); ok && loop.Cond != nil {
				u.loopConds = append(u.loopConds, loop.Cond)
			}
			return true
		})
	}
	for _, cond := range u.loopConds {
		if cond.Pos() <= n.Pos() && n.End() <= cond.End() {
			return true
		}
	}
	return false
}

// mentions reports whether n refers to v.
func (c *checker) mentions(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// usesCount reports whether n looks at the count v: any use except
// assigning to it, discarding it with _ = v, comparing it with 0 or -1
// (an error test), or passing it to an interface parameter (printing).
func (c *checker) usesCount(n ast.Node, v *types.Var) bool {
	found := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			found = c.pass.TypesInfo.Uses[n] == v
		case *ast.AssignStmt:
			c.visitAssign(n, v, visit)
			return false
		case *ast.BinaryExpr:
			if _, _, ok := c.countComparison(n, v); ok {
				return false // n < 0 is an error test, not a length check
			}
		case *ast.CallExpr:
			c.visitCall(n, v, visit)
			return false
		}
		return true
	}
	ast.Inspect(n, visit)
	return found
}

// visitAssign visits the parts of an assignment that read v.
func (c *checker) visitAssign(a *ast.AssignStmt, v *types.Var, visit func(ast.Node) bool) {
	if c.allUnread(a.Lhs) {
		c.visitCalls(a.Rhs, visit)
		return // c.sent += n into a counter nobody reads: counted, not compared
	}
	if a.Tok != token.ASSIGN && a.Tok != token.DEFINE {
		ast.Inspect(a, func(n ast.Node) bool { return n == a || visit(n) })
		return // n += k reads n
	}
	blank := true
	for _, l := range a.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			blank = blank && id.Name == "_"
			continue // assigning to a variable does not read it
		}
		blank = false
		ast.Inspect(l, visit)
	}
	if blank {
		return // _ = n discards the count
	}
	for _, r := range a.Rhs {
		ast.Inspect(r, visit)
	}
}

// allUnread reports whether every target of an assignment is a field or
// package-level variable that nothing reads (see unreadStore).
func (c *checker) allUnread(lhs []ast.Expr) bool {
	for _, l := range lhs {
		if !c.unreadStore(l) {
			return false
		}
	}
	return len(lhs) > 0
}

// visitCalls visits the calls in exprs, other than conversions: a call
// given the count may compare it.
func (c *checker) visitCalls(exprs []ast.Expr, visit func(ast.Node) bool) {
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !c.isType(call.Fun) {
				visit(call)
				return false
			}
			return true
		})
	}
}

// unreadStore reports whether e is an unexported field or package-level
// variable of this package that nothing in the package reads: a count
// stored there is kept for nobody, as good as dropped.
func (c *checker) unreadStore(e ast.Expr) bool {
	id := refs.Leaf(ast.Unparen(e))
	if id == nil {
		return false // an element, a pointer target
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || v.Exported() {
		return false // another package's, or readable by other packages
	}
	if !v.IsField() && v.Parent() != v.Pkg().Scope() {
		return false // a local: its reads are followed on the path
	}
	return !c.readVars()[v]
}

// readVars returns the variables the package reads somewhere: every use
// that is not the target of an assignment or of ++ and --.
func (c *checker) readVars() map[*types.Var]bool {
	if c.reads != nil {
		return c.reads
	}
	targets := make(map[*ast.Ident]bool)
	mark := func(e ast.Expr) {
		if id := refs.Leaf(ast.Unparen(e)); id != nil {
			targets[id] = true
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					mark(l)
				}
			case *ast.IncDecStmt:
				mark(n.X)
			}
			return true
		})
	}
	c.reads = make(map[*types.Var]bool)
	for id, obj := range c.pass.TypesInfo.Uses {
		if v, ok := obj.(*types.Var); ok && !targets[id] {
			c.reads[v] = true
		}
	}
	return c.reads
}

// visitCall visits the arguments of a call, except v itself passed to
// an interface parameter, as printing and logging do.
func (c *checker) visitCall(call *ast.CallExpr, v *types.Var, visit func(ast.Node) bool) {
	ast.Inspect(call.Fun, visit)
	sig, _ := c.pass.TypesInfo.TypeOf(call.Fun).(*types.Signature)
	for i, arg := range call.Args {
		if sig != nil && c.varOf(arg) == v && isInterfaceParam(sig, i) {
			continue // printed or logged, not compared
		}
		ast.Inspect(arg, visit)
	}
}

func isInterfaceParam(sig *types.Signature, i int) bool {
	params := sig.Params()
	if params.Len() == 0 {
		return false
	}
	var t types.Type
	if sig.Variadic() && i >= params.Len()-1 {
		s, ok := params.At(params.Len() - 1).Type().(*types.Slice)
		if !ok {
			return false
		}
		t = s.Elem()
	} else if i < params.Len() {
		t = params.At(i).Type()
	} else {
		return false
	}
	return types.IsInterface(t)
}

// lenPhrase says how many bytes s meant to write.
func (c *checker) lenPhrase(s *site) string {
	if s.spec.buf < 0 || s.spec.buf >= len(s.call.Args) {
		return "the requested bytes"
	}
	buf := types.ExprString(s.call.Args[s.spec.buf])
	if s.spec.vec {
		return "the bytes in " + buf
	}
	return "len(" + buf + ") bytes"
}
