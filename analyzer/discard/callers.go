package discard

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

// stickyInCallers reports whether the writer a discarded call writes
// into is a parameter of its function, and every caller (the function
// can only be called from this package) passes a sticky writer there
// and checks a later call on it: image/png's writeImage closes a zlib
// writer over w in a deferred call, and its only caller passes a
// bufio.Writer whose Flush it checks right after, so a failed footer
// write resurfaces there.
func (c *checker) stickyInCallers(stmt inspector.Cursor, f form, commit knowledge.Commit) bool {
	fn, decl, ok := c.privateHelper(stmt, f, commit)
	if !ok {
		return false
	}
	p := c.destParam(decl, commit.Target)
	if p < 0 {
		return false // the destination is not one parameter
	}
	return c.everyCall(fn, func(id *ast.Ident) bool { return c.callerKeeps(id, p) })
}

// harmlessInCallers reports whether the writer a discarded call commits
// is a parameter of its function, and the call would not matter on any
// argument a caller passes there, judged where the argument is made:
// fasthttp's releaseRealGzipWriter(zw) closes a gzip writer that its one
// caller made over a destination known to be in memory.
func (c *checker) harmlessInCallers(stmt inspector.Cursor, f form, commit knowledge.Commit) bool {
	switch {
	case commit.Via, commit.Op == knowledge.OpCopy, commit.Op == knowledge.OpFact:
		return false // judged by more than the writer, in the callee's terms
	}
	fn, decl, ok := c.privateHelper(stmt, f, commit)
	if !ok {
		return false
	}
	p := knowledge.ParamIndex(c.pass.TypesInfo, decl, commit.Target)
	if p < 0 {
		return false // the writer is not a parameter
	}
	return c.everyCall(fn, func(id *ast.Ident) bool {
		call, at, ok := c.files.CallAt(id)
		if !ok || p >= len(call.Args) {
			return false // a function value, or a variadic argument
		}
		r := c.pkg.ResolverAt(at)
		if r == nil {
			return false // a call at package level
		}
		there := commit
		there.Target = call.Args[p]
		_, matters := c.pkg.Matters(r, there)
		return !matters
	})
}

// privateHelper returns the declared function that runs a discard before
// it returns (see helperOf), when only this package can call it.
func (c *checker) privateHelper(stmt inspector.Cursor, f form, commit knowledge.Commit) (*types.Func, *ast.FuncDecl, bool) {
	if f == spawned || commit.Target == nil {
		return nil, nil, false // the goroutine outlives the call; or nothing written
	}
	fn, ok := c.helperOf(stmt)
	if !ok || !c.pkg.Private(fn) {
		return nil, nil, false // not a function, or callable from elsewhere
	}
	decl := c.cfgs.Decl(fn)
	return fn, decl, decl != nil
}

// everyCall reports whether the function has uses in the package and
// each passes test.
func (c *checker) everyCall(fn *types.Func, test func(*ast.Ident) bool) bool {
	uses := c.pkg.UsesOf(fn)
	for _, id := range uses {
		if !test(id) {
			return false
		}
	}
	return len(uses) > 0
}

// callerKeeps reports whether the call of a function named at id passes
// a sticky writer as argument p and later checks a call on it.
func (c *checker) callerKeeps(id *ast.Ident, p int) bool {
	use, ok := c.files.Cursor(id)
	if !ok {
		return false
	}
	stmt, call, ok := callStatement(use)
	if !ok || p >= len(call.Args) {
		return false // a function value, or a call inside an expression
	}
	r := c.pkg.ResolverAt(stmt)
	arg := call.Args[p]
	return r != nil && r.Classify(arg).Traits.Has(knowledge.Sticky) && c.keptLater(stmt, knowledge.Commit{Target: arg})
}

// destParam returns the index of decl's parameter that the writer target
// writes into, or -1: the destination its constructor was given (a local
// writer), or, for a field, the destination every constructor assigned
// to it and every Reset of it in decl name, when they all name the same
// parameter.
func (c *checker) destParam(decl *ast.FuncDecl, target ast.Expr) int {
	var dests []ast.Expr
	if under := c.pkg.Resolver(decl).Underlying(target); under != nil {
		dests = append(dests, under)
	} else if sel, ok := ast.Unparen(target).(*ast.SelectorExpr); ok {
		dests = c.fieldDests(decl, sel)
	}
	param := -1
	for _, d := range dests {
		i := knowledge.ParamIndex(c.pass.TypesInfo, decl, d)
		if i < 0 || param >= 0 && i != param {
			return -1 // not a parameter, or two destinations
		}
		param = i
	}
	return param
}

// fieldDests returns the destinations decl gives the field sel names:
// the writer argument of each constructor assigned to it, and the
// argument of each Reset called on it. A nil result means the field gets
// a value whose destination is unknown, or none.
func (c *checker) fieldDests(decl *ast.FuncDecl, sel *ast.SelectorExpr) []ast.Expr {
	field := c.pass.TypesInfo.ObjectOf(sel.Sel)
	i, ok := c.files.FuncIndex(decl)
	if !ok || field == nil {
		return nil
	}
	r := c.pkg.Resolver(decl)
	var dests []ast.Expr
	for _, n := range c.files.Within(i) {
		switch n := n.N.(type) {
		case *ast.AssignStmt:
			for j, lhs := range n.Lhs {
				if !c.namesField(lhs, field) {
					continue // another target
				}
				d := constructorDest(r, n, j)
				if d == nil {
					return nil // given a value from elsewhere
				}
				dests = append(dests, d)
			}
		case *ast.CallExpr:
			if d := c.resetDest(n, field); d != nil {
				dests = append(dests, d)
			}
		}
	}
	return dests
}

// namesField reports whether e selects the field.
func (c *checker) namesField(e ast.Expr, field types.Object) bool {
	s, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && c.pass.TypesInfo.ObjectOf(s.Sel) == field
}

// constructorDest returns the writer argument of the constructor whose
// writer the j-th left-hand side of as is assigned, directly or through
// a local (zw, err := zlib.NewWriterLevel(w, level); e.zw = zw), or nil.
func constructorDest(r *knowledge.Resolver, as *ast.AssignStmt, j int) ast.Expr {
	var rhs ast.Expr
	switch {
	case len(as.Rhs) == len(as.Lhs):
		rhs = as.Rhs[j]
	case len(as.Rhs) == 1 && j == 0:
		rhs = as.Rhs[0] // e.zw, err = zlib.NewWriterLevel(w, level)
	default:
		return nil
	}
	return r.Underlying(rhs)
}

// resetDest returns w of a call field.Reset(w) that switches a table
// writer's destination, or nil.
func (c *checker) resetDest(call *ast.CallExpr, field types.Object) ast.Expr {
	s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 || !c.namesField(s.X, field) {
		return nil
	}
	if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok && knowledge.ResetsDest(fn) {
		return call.Args[0]
	}
	return nil
}
