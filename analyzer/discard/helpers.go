package discard

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
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
	if !c.pkg.Private(fn) {
		return false // callable from elsewhere, or through an interface
	}
	uses := c.pkg.UsesOf(fn)
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

// callStatement returns the statement that calls the function named at
// use, and the call: the call must be the whole of an expression
// statement or the right side of an assignment, whose path the caller
// then follows.
func callStatement(use inspector.Cursor) (inspector.Cursor, *ast.CallExpr, bool) {
	call, ok := syntax.Calling(use)
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
