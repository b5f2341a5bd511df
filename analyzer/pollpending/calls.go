package pollpending

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

const (
	syscallPath = "syscall"
	unixPath    = "golang.org/x/sys/unix"
)

// pkgPath is the import path of pkg, without the vendor/ prefix the
// standard library gives to its vendored copy of x/sys.
func pkgPath(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	return strings.TrimPrefix(pkg.Path(), "vendor/")
}

// isSysPkg reports whether pkg is syscall or golang.org/x/sys/unix.
func isSysPkg(pkg *types.Package) bool {
	p := pkgPath(pkg)
	return p == syscallPath || p == unixPath
}

// writeSpec describes how a call writes: which argument is the file
// descriptor and which the bytes, and whether a byte count comes back.
type writeSpec struct {
	count bool // results are (n int, err error); otherwise (err error)
	fd    int  // index of the descriptor argument, -1 if unknown
	buf   int  // index of the bytes argument, -1 if unknown
	vec   bool // the bytes argument is a [][]byte
	user  bool // a poll-style API learned from facts, not a system call
}

// rawWriteSpec describes fn when it is one of the raw writes of syscall
// or golang.org/x/sys/unix.
func rawWriteSpec(fn *types.Func) (writeSpec, bool) {
	if fn == nil || !isSysPkg(fn.Pkg()) {
		return writeSpec{}, false // not a system call package
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil {
		return writeSpec{}, false // a method, not a system call wrapper
	}
	var spec writeSpec
	switch fn.Name() {
	case "Write", "SendmsgN":
		spec = writeSpec{count: true, fd: 0, buf: 1}
	case "Writev", "SendmsgBuffers":
		spec = writeSpec{count: true, fd: 0, buf: 1, vec: true}
	case "Sendto", "Sendmsg":
		spec = writeSpec{fd: 0, buf: 1}
	default:
		return writeSpec{}, false
	}
	if !resultsFit(sig, spec.count) {
		return writeSpec{}, false // some other platform's signature
	}
	return spec, true
}

// resultsFit reports whether sig returns (int, error), or (error) when
// count is false.
func resultsFit(sig *types.Signature, count bool) bool {
	res := sig.Results()
	if !count {
		return res.Len() == 1 && isError(res.At(0).Type())
	}
	return res.Len() == 2 && isInt(res.At(0).Type()) && isError(res.At(1).Type())
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isInt(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Int
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// callee returns the function or method a call statically names, or nil.
func (c *checker) callee(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// isEAGAIN reports whether e names EAGAIN or EWOULDBLOCK of syscall or
// x/sys/unix, possibly converted (error(syscall.EAGAIN)).
func (c *checker) isEAGAIN(e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 && c.isType(call.Fun) {
		return c.isEAGAIN(call.Args[0]) // a conversion
	}
	id := refs.Leaf(e)
	if id == nil {
		return false
	}
	obj := c.pass.TypesInfo.ObjectOf(id)
	if obj == nil || !isSysPkg(obj.Pkg()) {
		return false
	}
	return obj.Name() == "EAGAIN" || obj.Name() == "EWOULDBLOCK"
}

// callTest returns what a call tells about the tracked error when it
// returns true and false. The call must test that error, or one derived
// from it (see errAliases): errors.Is(err, EAGAIN), helpers known by
// fact to test for EAGAIN, errors.Is(err, ErrX) and other helpers.
func (t *tester) callTest(call *ast.CallExpr) (ifTrue, ifFalse errSet) {
	fn := t.c.callee(call)
	if fn == nil {
		return errAny, errAny
	}
	if isAgainClass(fn) {
		if !t.about(testedError(call)) {
			return errAny, errAny // the class of another error
		}
		return errNonNil, errNoAgain // errno.Timeout(), os.IsTimeout(err): true for EAGAIN
	}
	if len(call.Args) == 0 {
		return errAny, errAny
	}
	if isErrorsFunc(fn, "As") && len(call.Args) == 2 && t.asErrno(call.Args[1]) && t.about(call.Args[0]) {
		return errNonNil, errNil | errOther // errors.As(err, &errno)
	}
	if isErrorsFunc(fn, "Is") && len(call.Args) == 2 {
		switch {
		case t.c.isEAGAIN(call.Args[1]) && t.about(call.Args[0]):
			return errAgain, errNoAgain
		case t.isErr(call.Args[0]) && t.c.isErrorValue(call.Args[1]):
			return errOther, errAny
		}
		return errAny, errAny
	}
	f := t.c.summaryOf(fn).errTest
	if f == nil || len(call.Args) != 1 || !t.isErr(call.Args[0]) && !(f.isEAGAINTest() && t.about(call.Args[0])) {
		return errAny, errAny // not a test, or a test of something else
	}
	return f.IfTrue, f.IfFalse
}

// testedError returns the error a class test looks at: the receiver of
// errno.Timeout(), the argument of os.IsTimeout(err).
func testedError(call *ast.CallExpr) ast.Expr {
	if len(call.Args) == 1 {
		return call.Args[0]
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return call.Fun
}

// isAgainClass reports whether fn answers true for EAGAIN among other
// errors and false for nil: the Timeout and Temporary methods of
// syscall.Errno, and os.IsTimeout.
func isAgainClass(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil {
		return isErrno(recv.Type()) && (fn.Name() == "Timeout" || fn.Name() == "Temporary")
	}
	return fn.Pkg() != nil && fn.Pkg().Path() == "os" && fn.Name() == "IsTimeout"
}

func isErrorsFunc(fn *types.Func, name string) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == "errors" && fn.Name() == name
}

// asErrno reports whether e points to a syscall.Errno.
func (t *tester) asErrno(e ast.Expr) bool {
	p, ok := t.c.pass.TypesInfo.TypeOf(e).(*types.Pointer)
	return ok && isErrno(p.Elem())
}

// findSyscall returns the syscall package if it is in the import graph
// of pkg.
func findSyscall(pkg *types.Package) *types.Package {
	seen := make(map[*types.Package]bool)
	var sys *types.Package
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || sys != nil {
			return // visited, or already found
		}
		seen[p] = true
		if p.Path() == syscallPath {
			sys = p
			return
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pkg)
	return sys
}

// lookupType returns the type named name in pkg, or nil.
func lookupType(pkg *types.Package, name string) types.Type {
	if pkg == nil {
		return nil
	}
	obj, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	return obj.Type()
}

// rawConnMethod returns "Write" or "Read" when call is a call of the
// Write or Read method of syscall.RawConn, or of a type implementing it.
func (c *checker) rawConnMethod(call *ast.CallExpr) string {
	if c.rawConn == nil || len(call.Args) != 1 {
		return "" // no RawConn in sight, or not a one-argument call
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "" // not a method call
	}
	fn := c.callee(call)
	if fn == nil || (fn.Name() != "Write" && fn.Name() != "Read") {
		return ""
	}
	if !isCallbackMethod(fn) {
		return "" // not func(func(uintptr) bool) error
	}
	recv := c.pass.TypesInfo.TypeOf(sel.X)
	if recv == nil {
		return ""
	}
	if !c.isRawConnLike(recv) {
		return "" // the receiver is not a RawConn
	}
	return fn.Name()
}

// isRawConnLike reports whether t implements syscall.RawConn, or is an
// interface that syscall.RawConn satisfies (a narrower view of one, like
// interface{ Write(func(uintptr) bool) error }).
func (c *checker) isRawConnLike(t types.Type) bool {
	if types.Implements(t, c.rawConn) || types.Implements(types.NewPointer(t), c.rawConn) {
		return true
	}
	iface, ok := t.Underlying().(*types.Interface)
	return ok && c.rawConnType != nil && types.Implements(c.rawConnType, iface)
}

// isCallbackMethod reports whether fn has RawConn.Write's signature:
// func(func(fd uintptr) (done bool)) error.
func isCallbackMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 1 || !resultsFit(sig, false) {
		return false
	}
	cb, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	return ok && isCallbackSig(cb)
}

// isCallbackSig reports whether sig is func(fd uintptr) (done bool), the
// type of a RawConn callback.
func isCallbackSig(sig *types.Signature) bool {
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	p, ok := sig.Params().At(0).Type().Underlying().(*types.Basic)
	return ok && p.Kind() == types.Uintptr && isBool(sig.Results().At(0).Type())
}

// calleeName is how a diagnostic names the function a call calls.
func calleeName(call *ast.CallExpr) string {
	return types.ExprString(call.Fun)
}
