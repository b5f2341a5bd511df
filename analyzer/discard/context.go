package discard

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// where says when a discard happens on a shutdown path, where a lost
// error is lost for good: deferred, in a Close-like method, right before
// a Close or right before the function returns.
func (c *checker) where(stmt inspector.Cursor, f form, commit knowledge.Commit) string {
	if f == deferred || paths.Deferred(stmt) {
		return " in a deferred call"
	}
	if f == spawned {
		return " in a goroutine"
	}
	if f == assigned || f == emptyIf {
		return "" // the verb says how the error is lost
	}
	if decl, ok := paths.EnclosingDecl(stmt); ok && decl.Recv != nil && isShutdownName(decl.Name.Name) {
		if fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
			return " in " + methodName(fn)
		}
	}
	next, ok := stmt.NextSibling()
	if !ok {
		if _, isBody := stmt.Parent().Parent().Node().(*ast.FuncDecl); isBody {
			return " just before returning"
		}
		return ""
	}
	switch n := next.Node().(type) {
	case *ast.ReturnStmt:
		return " just before returning"
	case *ast.ExprStmt:
		if closed := closedBy(n); closed != "" && !refs.Same(c.pass.TypesInfo, closedExpr(n), commit.Target) {
			return " before " + closed + ".Close"
		}
	}
	return ""
}

func isShutdownName(name string) bool {
	switch name {
	case "Close", "Shutdown", "Stop":
		return true
	}
	return false
}

// methodName formats a method as (*T).Close.
func methodName(fn *types.Func) string {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return fn.Name()
	}
	return "(" + types.TypeString(recv.Type(), func(*types.Package) string { return "" }) + ")." + fn.Name()
}

// closedExpr returns x when s is the statement x.Close().
func closedExpr(s *ast.ExprStmt) ast.Expr {
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" {
		return nil
	}
	return sel.X
}

func closedBy(s *ast.ExprStmt) string {
	x := closedExpr(s)
	if x == nil {
		return ""
	}
	switch ast.Unparen(x).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return types.ExprString(x)
	}
	return ""
}
