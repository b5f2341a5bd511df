package pollpending

import (
	"go/ast"
	"go/types"
)

// errAliases is what one function derives from the error of a raw
// write: the variables that hold that error or its syscall.Errno
// (e := err, errno := err.(syscall.Errno), errors.As(err, &errno),
// switch e := err.(type)), and the oks of comma-ok assertions of it to
// syscall.Errno, and the variables that hold it wrapped
// (os.NewSyscallError("write", err), fmt.Errorf("%w", err)). An EAGAIN
// test counts only when it tests one of these: cerr != unix.EAGAIN says
// nothing about the write when cerr is a setsockopt's error.
type errAliases struct {
	err   *types.Var // nil when the write's error is not held in a variable
	vars  map[*types.Var]bool
	oks   map[*types.Var]bool
	wraps map[*types.Var]bool // hold it wrapped: for EAGAIN tests, not nil tests (fmt.Errorf is never nil)
}

// aliasesOf returns what u derives from err, built once per variable.
func (c *checker) aliasesOf(u *unit, err *types.Var) *errAliases {
	if a, ok := u.aliases[err]; ok {
		return a
	}
	a := &errAliases{err: err, vars: make(map[*types.Var]bool), oks: make(map[*types.Var]bool), wraps: make(map[*types.Var]bool)}
	if err != nil {
		a.vars[err] = true
	}
	if u.aliases == nil {
		u.aliases = make(map[*types.Var]*errAliases)
	}
	u.aliases[err] = a
	for c.collectAliases(u, a) {
		// e2 := e1 after e1 := err: repeat until nothing is added
	}
	return a
}

// derives reports whether e is the error, an alias of it, or a type
// assertion or conversion of one.
func (c *checker) derives(a *errAliases, e ast.Expr) bool {
	e = c.unconvert(e)
	if ta, ok := e.(*ast.TypeAssertExpr); ok {
		return c.derives(a, ta.X)
	}
	v := c.varOf(e)
	return v != nil && a.vars[v]
}

// collectAliases adds the aliases u defines from those known so far,
// and reports whether it added any.
func (c *checker) collectAliases(u *unit, a *errAliases) bool {
	grew := false
	add := func(set map[*types.Var]bool, v *types.Var) {
		if v != nil && !set[v] {
			set[v] = true
			grew = true
		}
	}
	ast.Inspect(u.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			c.assignAliases(a, n.Lhs, n.Rhs, add)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.assignAliases(a, lhs, n.Values, add)
		case *ast.CallExpr:
			if v := c.errorsAsTarget(a, n); v != nil {
				add(a.vars, v)
			}
		case *ast.TypeSwitchStmt:
			for _, v := range c.typeSwitchVars(a, n) {
				add(a.vars, v)
			}
		}
		return true
	})
	return grew
}

// assignAliases handles lhs = rhs: a copy or assertion of the error is
// an alias; the ok of a comma-ok assertion to syscall.Errno is an ok.
func (c *checker) assignAliases(a *errAliases, lhs, rhs []ast.Expr, add func(map[*types.Var]bool, *types.Var)) {
	if len(lhs) == 2 && len(rhs) == 1 {
		ta, ok := c.unconvert(rhs[0]).(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return // not a comma-ok assertion
		}
		if c.derives(a, ta.X) {
			add(a.vars, c.varOf(lhs[0]))
		}
		if isErrno(c.pass.TypesInfo.TypeOf(ta.Type)) && (a.err == nil || c.derives(a, ta.X)) {
			add(a.oks, c.varOf(lhs[1])) // with no error variable, any Errno assertion
		}
		return
	}
	if len(lhs) != len(rhs) || a.err == nil {
		return // a multi-valued call, or nothing to derive from
	}
	for i := range lhs {
		switch {
		case c.derives(a, rhs[i]):
			add(a.vars, c.varOf(lhs[i]))
		case c.wraps(a, rhs[i]):
			add(a.wraps, c.varOf(lhs[i]))
		}
	}
}

// wraps reports whether e is a call returning an error that is given
// the error, or a wrapping of it, as an argument.
func (c *checker) wraps(a *errAliases, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !isError(c.pass.TypesInfo.TypeOf(call)) {
		return false
	}
	for _, arg := range call.Args {
		if c.derives(a, arg) || a.wraps[c.varOf(arg)] {
			return true
		}
	}
	return false
}

// wrapped reports whether e holds the error, possibly wrapped.
func (c *checker) wrapped(a *errAliases, e ast.Expr) bool {
	return c.derives(a, e) || a.wraps[c.varOf(e)] || c.wraps(a, e)
}

// errorsAsTarget returns v of errors.As(err, &v) when err derives from
// the error.
func (c *checker) errorsAsTarget(a *errAliases, call *ast.CallExpr) *types.Var {
	fn := c.callee(call)
	if fn == nil || !isErrorsFunc(fn, "As") || len(call.Args) != 2 || !c.derives(a, call.Args[0]) {
		return nil
	}
	if u, ok := ast.Unparen(call.Args[1]).(*ast.UnaryExpr); ok {
		return c.varOf(u.X)
	}
	return nil
}

// typeSwitchVars returns the variables bound by the clauses of
// "switch e := err.(type)" when err derives from the error.
func (c *checker) typeSwitchVars(a *errAliases, sw *ast.TypeSwitchStmt) []*types.Var {
	as, ok := sw.Assign.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return nil // no variable bound
	}
	ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr)
	if !ok || !c.derives(a, ta.X) {
		return nil
	}
	var vars []*types.Var
	for _, cl := range sw.Body.List {
		if v, ok := c.pass.TypesInfo.Implicits[cl].(*types.Var); ok {
			vars = append(vars, v)
		}
	}
	return vars
}
