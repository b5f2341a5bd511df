// Package refs compares and names the references that diagnostics talk
// about: the same variable or field path (bw, c.bw, &buf), and callees as
// users read them ((*bufio.Writer).Flush, io.Copy).
package refs

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Same reports whether a and b denote the same variable or field path
// (x, x.f, x.f.g), compared by their objects; &x counts as x, since a
// wrapper made over &buf writes to buf.
func Same(info *types.Info, a, b ast.Expr) bool {
	if a == nil || b == nil {
		return false
	}
	a, b = strip(a), strip(b)
	switch a := a.(type) {
	case *ast.Ident:
		bi, ok := b.(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(bi)
	case *ast.SelectorExpr:
		bs, ok := b.(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) == info.ObjectOf(bs.Sel) && Same(info, a.X, bs.X)
	case *ast.StarExpr:
		bs, ok := b.(*ast.StarExpr)
		return ok && Same(info, a.X, bs.X)
	}
	return false
}

// strip removes parentheses and a leading &.
func strip(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

// Callee names the function call calls: (*bufio.Writer).Flush with the
// receiver's static type when it is named (a method promoted from an
// unexported embedded type is named after the type the user wrote),
// (W).Close for a type parameter, io.Copy for a function.
func Callee(info *types.Info, call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return types.ExprString(call.Fun)
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || info.Selections[sel] == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return fn.Pkg().Name() + "." + fn.Name()
	}
	recv := info.TypeOf(sel.X)
	switch types.Unalias(deref(recv)).(type) {
	case *types.Named, *types.TypeParam:
	default:
		recv = fn.Type().(*types.Signature).Recv().Type()
	}
	return "(" + types.TypeString(recv, pkgName) + ")." + fn.Name()
}

func pkgName(p *types.Package) string { return p.Name() }

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// Short renders e for a message when it is short and on one line, and
// returns "" otherwise.
func Short(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 40 || strings.Contains(s, "\n") {
		return ""
	}
	return s
}

// Leaf returns the identifier that e names: x itself, or the X of pkg.X
// and the f of v.f; nil for any other expression.
func Leaf(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// PackageVar reports whether obj is a package-level variable (io.EOF,
// errClosed): a sentinel when it holds an error.
func PackageVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}
