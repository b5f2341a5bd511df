package discard

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// failureHelper reports whether stmt lies in the body of a failure-path
// helper: an unexported function or method of the package whose every
// use is a direct call on a path that reports failure. Whatever the
// helper loses, every caller goes on to report failure (writeError(bw,
// err); return err).
func (c *checker) failureHelper(stmt inspector.Cursor, f form) bool {
	if f == spawned {
		return false // the goroutine outlives the call
	}
	fn, ok := c.helperOf(stmt)
	if !ok {
		return false
	}
	if c.helpers == nil {
		c.helpers = make(map[*types.Func]bool)
	}
	if v, ok := c.helpers[fn]; ok {
		return v
	}
	v := c.calledOnlyFailing(fn)
	c.helpers[fn] = v
	return v
}

// helperOf returns the declared function whose call runs stmt before it
// returns: stmt is in its body, or in a closure it defers.
func (c *checker) helperOf(stmt inspector.Cursor) (*types.Func, bool) {
	for fn := range stmt.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		decl, ok := fn.Node().(*ast.FuncDecl)
		if !ok {
			if _, deferred := deferredLit(fn); !deferred {
				return nil, false // a closure that may run after the call
			}
			continue // a deferred closure runs before its function returns
		}
		obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
		return obj, ok
	}
	return nil, false
}

// calledOnlyFailing reports whether fn can only be called from this
// package, and every use of it is a call on a failing path.
func (c *checker) calledOnlyFailing(fn *types.Func) bool {
	if fn.Exported() || c.linknamed(fn) || c.interfaceMethod(fn) {
		return false // callable from elsewhere, or through an interface
	}
	uses := c.callsOf()[fn]
	if len(uses) == 0 {
		return false // no caller here to lean on
	}
	for _, id := range uses {
		use, ok := c.files.Cursor(id)
		if !ok {
			return false
		}
		stmt, _, ok := callStatement(use)
		if !ok {
			return false // a function value, or a call inside an expression
		}
		if !c.paths.Failing(stmt) && !c.failsAfter(stmt) {
			return false
		}
	}
	return true
}

// callsOf returns the uses of each unexported function of the package,
// in no particular order; computed once per pass, without cursors (most
// are never asked for).
func (c *checker) callsOf() map[*types.Func][]*ast.Ident {
	if c.uses != nil {
		return c.uses
	}
	c.uses = make(map[*types.Func][]*ast.Ident)
	for id, obj := range c.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Exported() || fn.Pkg() != c.pass.Pkg {
			continue // not an unexported function of this package
		}
		fn = fn.Origin()
		c.uses[fn] = append(c.uses[fn], id)
	}
	return c.uses
}

// callStatement returns the statement that calls the function named at
// use, and the call: the call must be the whole of an expression
// statement or the right side of an assignment, whose path the caller
// then follows.
func callStatement(use inspector.Cursor) (inspector.Cursor, *ast.CallExpr, bool) {
	call, ok := calling(use)
	if !ok {
		return inspector.Cursor{}, nil, false
	}
	switch call.Parent().Node().(type) {
	case *ast.ExprStmt:
		return call.Parent(), call.Node().(*ast.CallExpr), true
	case *ast.AssignStmt:
		if call.ParentEdgeKind() == edge.AssignStmt_Rhs {
			return call.Parent(), call.Node().(*ast.CallExpr), true
		}
	}
	return inspector.Cursor{}, nil, false
}

// calling returns the call of the function named at use, if use calls it.
func calling(use inspector.Cursor) (inspector.Cursor, bool) {
	callee := use
	if use.ParentEdgeKind() == edge.SelectorExpr_Sel {
		callee = use.Parent() // s.writeError
	}
	if callee.ParentEdgeKind() != edge.CallExpr_Fun {
		return inspector.Cursor{}, false // used as a value, not called
	}
	return callee.Parent(), true
}

// callAt returns the call of the function named at id, and its cursor,
// if id is called there and not used as a value.
func (c *checker) callAt(id *ast.Ident) (*ast.CallExpr, inspector.Cursor, bool) {
	use, ok := c.files.Cursor(id)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	call, ok := calling(use)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	return call.Node().(*ast.CallExpr), call, true
}

// interfaceMethod reports whether fn is a method whose name an interface
// of the package declares: a dynamic call may reach it unseen.
func (c *checker) interfaceMethod(fn *types.Func) bool {
	if fn.Type().(*types.Signature).Recv() == nil {
		return false // a function, not a method
	}
	for _, obj := range c.pass.TypesInfo.Defs {
		m, ok := obj.(*types.Func)
		if !ok || m.Name() != fn.Name() {
			continue
		}
		if recv := m.Type().(*types.Signature).Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return true
		}
	}
	return false
}

// linknamed reports whether a //go:linkname directive of the package
// names fn: another package may call it. The directives are read once.
func (c *checker) linknamed(fn *types.Func) bool {
	if c.linknames == nil {
		c.linknames = make(map[string]bool)
		for _, f := range c.pass.Files {
			for _, g := range f.Comments {
				for _, com := range g.List {
					if !strings.HasPrefix(com.Text, "//go:linkname") {
						continue // not a directive
					}
					if fields := strings.Fields(com.Text); len(fields) >= 2 && fields[0] == "//go:linkname" {
						c.linknames[fields[1]] = true
					}
				}
			}
		}
	}
	return c.linknames[fn.Name()]
}
