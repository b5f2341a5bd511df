package paths

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// doneErr reports whether e, returned at cur, is ctx.Err() where the
// context is known to be done, so that the error is non-nil
// (context.Context: "if Done is closed, Err returns a non-nil error"): in
// the select case that received from ctx.Done(), or in the body of
// `if ctx.Err() != nil`.
func (c *Checker) doneErr(cur inspector.Cursor, e ast.Expr) bool {
	ctx := c.contextCall(e, "Err")
	if ctx == nil {
		return false // not ctx.Err()
	}
	for child, p := cur, cur.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false // what encloses the function says nothing of its returns
		case *ast.CommClause:
			if child.ParentEdgeKind() == edge.CommClause_Body && c.receivesDone(n.Comm, ctx) {
				return true
			}
		case *ast.IfStmt:
			if child.ParentEdgeKind() == edge.IfStmt_Body && c.ctxErrNonNil(n.Cond, ctx) {
				return true
			}
		}
	}
	return false
}

// contextCall returns X for e of the form X.name() where the method is
// context.Context's.
func (c *Checker) contextCall(e ast.Expr, name string) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	fn, _ := typeutil.Callee(c.Info, call).(*types.Func)
	if !ok || fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" || fn.Name() != name {
		return nil
	}
	return sel.X
}

// receivesDone reports whether the select case comm is `<-ctx.Done()`,
// with or without an assignment.
func (c *Checker) receivesDone(comm ast.Stmt, ctx ast.Expr) bool {
	var e ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW && refs.Same(c.Info, c.contextCall(u.X, "Done"), ctx)
}

// ctxErrNonNil reports whether cond is `ctx.Err() != nil`.
func (c *Checker) ctxErrNonNil(cond ast.Expr, ctx ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	if id, ok := ast.Unparen(b.Y).(*ast.Ident); !ok || id.Name != "nil" {
		return false
	}
	return refs.Same(c.Info, c.contextCall(b.X, "Err"), ctx)
}
