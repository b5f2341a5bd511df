package pollpending

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// blockingFD reports whether the descriptor s writes to is blocking by
// construction: a constant (0, 1, 2), syscall.Stdout and friends, the
// result of (*os.File).Fd, which puts the file in blocking mode, or a
// variable of the enclosing function (or an element of one, for
// Socketpair and Pipe) set once from Open, Openat, Creat, Socket or
// Socketpair, or filled by Pipe or Pipe2, without O_NONBLOCK or
// SOCK_NONBLOCK, and never passed to SetNonblock.
func (c *checker) blockingFD(s *site) bool {
	if s.spec.fd < 0 || s.spec.fd >= len(s.call.Args) {
		return false // descriptor unknown
	}
	arg := s.call.Args[s.spec.fd]
	if c.blockingExpr(c.unconvert(arg)) {
		return true
	}
	v, body := c.fdVar(arg), c.topBody(s.call.Pos())
	if !declaredIn(v, body) || c.setsNonblock(body, v) {
		return false // could be anything, or made non-blocking
	}
	if def := c.soleDefinition(body, v); def != nil && c.blockingExpr(c.unconvert(def)) {
		return true // fd, or fds of fds[1] from fds, err := unix.Socketpair(...)
	}
	return c.blockingPipe(body, v)
}

// declaredIn reports whether v is a variable declared in body.
func declaredIn(v *types.Var, body *ast.BlockStmt) bool {
	return v != nil && body != nil && v.Pos() >= body.Pos() && v.Pos() < body.End()
}

// blockingPipe reports whether body fills v with Pipe, or with Pipe2
// without O_NONBLOCK.
func (c *checker) blockingPipe(body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) == 0 || c.rootVar(call.Args[0]) != v {
			return !found
		}
		fn := c.callee(call)
		switch {
		case fn == nil || !isSysPkg(fn.Pkg()):
		case fn.Name() == "Pipe":
			found = true
		case fn.Name() == "Pipe2" && len(call.Args) == 2:
			found = c.lacksFlag(fn.Pkg(), "O_NONBLOCK", call.Args[1])
		}
		return !found
	})
	return found
}

// eventFD reports whether s writes to a descriptor set once from
// Eventfd: an eventfd takes a whole 8-byte counter or nothing.
func (c *checker) eventFD(s *site) bool {
	def := c.fdDefinition(s)
	call, ok := ast.Unparen(def).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := c.callee(call)
	return fn != nil && isSysPkg(fn.Pkg()) && fn.Name() == "Eventfd"
}

// fdDefinition returns the value the descriptor of s was set to, when
// it is a variable of the enclosing function set exactly once.
func (c *checker) fdDefinition(s *site) ast.Expr {
	if s.spec.fd < 0 || s.spec.fd >= len(s.call.Args) {
		return nil // descriptor unknown
	}
	v, body := c.fdVar(s.call.Args[s.spec.fd]), c.topBody(s.call.Pos())
	if !declaredIn(v, body) {
		return nil // a parameter, a field or a global: could be anything
	}
	return c.soleDefinition(body, v)
}

// topBody returns the body of the top-level function declaration around pos.
func (c *checker) topBody(pos token.Pos) *ast.BlockStmt {
	for _, f := range c.pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue // another file
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Body.Pos() <= pos && pos < fd.Body.End() {
				return fd.Body
			}
		}
	}
	return nil
}

// blockingExpr reports whether e yields a blocking descriptor.
func (c *checker) blockingExpr(e ast.Expr) bool {
	if _, ok := c.intConst(e); ok {
		return true // 0, 1 or 2: the standard streams
	}
	if id := refs.Leaf(e); id != nil {
		obj := c.pass.TypesInfo.ObjectOf(id)
		if _, ok := obj.(*types.Var); ok && isSysPkg(obj.Pkg()) {
			switch obj.Name() {
			case "Stdin", "Stdout", "Stderr":
				return true
			}
		}
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := c.callee(call)
	if fn == nil {
		return false
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "os" && fn.Name() == "Fd" {
		return true // (*os.File).Fd sets blocking mode
	}
	return c.blockingOpen(fn, call)
}

// blockingOpen reports whether call opens a descriptor without a
// non-blocking flag.
func (c *checker) blockingOpen(fn *types.Func, call *ast.CallExpr) bool {
	if !isSysPkg(fn.Pkg()) {
		return false
	}
	var flag string
	var arg int
	switch fn.Name() {
	case "Creat":
		return true
	case "Open":
		flag, arg = "O_NONBLOCK", 1
	case "Openat":
		flag, arg = "O_NONBLOCK", 2
	case "Socket", "Socketpair":
		flag, arg = "SOCK_NONBLOCK", 1
	default:
		return false
	}
	if arg >= len(call.Args) {
		return false
	}
	return c.lacksFlag(fn.Pkg(), flag, call.Args[arg])
}

// lacksFlag reports whether flags is a constant without the bit of the
// constant named flag in pkg.
func (c *checker) lacksFlag(pkg *types.Package, flag string, flags ast.Expr) bool {
	bits, ok := c.intConst(flags)
	if !ok {
		return false // flags computed at run time
	}
	k, ok := pkg.Scope().Lookup(flag).(*types.Const)
	if !ok || k.Val().Kind() != constant.Int {
		return false // this platform has no such flag
	}
	nb, ok := constant.Int64Val(k.Val())
	return ok && bits&nb == 0
}

// unconvert strips parentheses and conversions such as int(fd).
func (c *checker) unconvert(e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !c.isType(call.Fun) {
			return e
		}
		e = call.Args[0]
	}
}

// soleDefinition returns the value assigned to v when body assigns it
// exactly once, by := , = or var.
func (c *checker) soleDefinition(body *ast.BlockStmt, v *types.Var) ast.Expr {
	var defs []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if c.varOf(l) == v {
					defs = append(defs, valueAt(n.Lhs, n.Rhs, i))
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if c.varOf(id) == v && len(n.Values) > 0 {
					defs = append(defs, valueAt(nil, n.Values, i)) // var x T alone sets nothing yet
				}
			}
		case *ast.RangeStmt:
			if c.varOf(n.Key) == v || n.Value != nil && c.varOf(n.Value) == v {
				defs = append(defs, nil, nil)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && c.varOf(n.X) == v {
				defs = append(defs, nil, nil) // &fd: may be set elsewhere
			}
		}
		return true
	})
	if len(defs) != 1 {
		return nil
	}
	return defs[0]
}

// valueAt returns the expression assigned to the i-th of lhs: the i-th
// value, or the single multi-valued call when i is its first result.
func valueAt(lhs, rhs []ast.Expr, i int) ast.Expr {
	if len(rhs) == 0 {
		return nil
	}
	if len(rhs) == 1 && i == 0 {
		return rhs[0]
	}
	if len(rhs) > i && (len(lhs) == 0 || len(lhs) == len(rhs)) {
		return rhs[i]
	}
	return nil
}

// setsNonblock reports whether body passes v (or an element of v) to
// SetNonblock with anything but false.
func (c *checker) setsNonblock(body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) != 2 {
			return !found
		}
		fn := c.callee(call)
		if fn != nil && isSysPkg(fn.Pkg()) && fn.Name() == "SetNonblock" &&
			c.fdVar(call.Args[0]) == v && !c.isBoolConst(call.Args[1], false) {
			found = true
		}
		return !found
	})
	return found
}

// atomicBuffer reports whether s writes too few bytes to be split: none
// (nil, with control data only), a single byte (a wake-up), or an
// [8]byte array (an eventfd counter).
func (c *checker) atomicBuffer(s *site) bool {
	if s.spec.buf < 0 || s.spec.buf >= len(s.call.Args) || s.spec.vec {
		return false
	}
	e := ast.Unparen(s.call.Args[s.spec.buf])
	if c.isNil(e) {
		return true // no bytes: control data only
	}
	if n, ok := c.constLen(e); ok && n <= 1 {
		return true
	}
	sl, ok := e.(*ast.SliceExpr)
	if !ok || sl.Low != nil || sl.High != nil || sl.Slice3 {
		return false // not arr[:]
	}
	t := c.pass.TypesInfo.TypeOf(sl.X)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	arr, ok := t.(*types.Array)
	return ok && arr.Len() == 8
}

// constLen returns the length of a byte slice written as a literal, a
// conversion of a constant string, or a constant slice of an array.
func (c *checker) constLen(e ast.Expr) (int64, bool) {
	switch e := e.(type) {
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if _, ok := el.(*ast.KeyValueExpr); ok {
				return 0, false // indexed elements
			}
		}
		return int64(len(e.Elts)), true
	case *ast.CallExpr:
		if len(e.Args) != 1 || !c.isType(e.Fun) {
			return 0, false
		}
		tv := c.pass.TypesInfo.Types[e.Args[0]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return 0, false
		}
		return int64(len(constant.StringVal(tv.Value))), true
	case *ast.SliceExpr:
		lo, hi := int64(0), int64(-1)
		var ok bool
		if e.Low != nil {
			if lo, ok = c.intConst(e.Low); !ok {
				return 0, false
			}
		}
		if e.High != nil {
			if hi, ok = c.intConst(e.High); !ok {
				return 0, false
			}
		}
		if hi < 0 {
			return 0, false // up to the end of something
		}
		return hi - lo, true
	}
	return 0, false
}

// rootVar returns the variable a byte slice expression is cut from:
// p for p, p[i:], []byte(p); nil for fields, elements and calls.
func (c *checker) rootVar(e ast.Expr) *types.Var {
	for {
		e = c.unconvert(e)
		sl, ok := e.(*ast.SliceExpr)
		if !ok {
			break
		}
		e = sl.X
	}
	return c.varOf(e)
}

// fdVar returns the variable a descriptor expression reads: fd for fd
// and int(fd), fds for fds[1].
func (c *checker) fdVar(e ast.Expr) *types.Var {
	e = c.unconvert(e)
	if ix, ok := e.(*ast.IndexExpr); ok {
		e = ix.X
	}
	return c.varOf(e)
}
