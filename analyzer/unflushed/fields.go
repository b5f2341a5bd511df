package unflushed

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

// checkFields reports, in a Close, Shutdown or Stop method, the
// destination field closed without first finishing the writer field over
// it: c.conn.Close() with c.bw = bufio.NewWriter(c.conn) unflushed.
func (c *checker) checkFields(files []*ast.File) {
	pairs := c.pkg.FieldPairs()
	if len(pairs) == 0 {
		return
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.FuncDecl)
			if !ok || d.Recv == nil || d.Body == nil || !isShutdownName(d.Name.Name) {
				continue // not a Close, Shutdown or Stop method
			}
			if cur, ok := c.files.Cursor(d); ok {
				c.checkShutdown(cur, d, pairs)
			}
		}
	}
}

func isShutdownName(name string) bool {
	return name == "Close" || name == "Shutdown" || name == "Stop"
}

// checkShutdown reports the first close of a paired destination in the
// method that no finish of its writer precedes.
func (c *checker) checkShutdown(fn inspector.Cursor, d *ast.FuncDecl, pairs map[*types.Var]knowledge.FieldPair) {
	for cur := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		field, ok := c.closedField(call)
		if !ok || c.closeFails(cur) {
			continue // not a field's Close, or on a path that already fails
		}
		for _, p := range pairs {
			if p.Dest != field || c.finishedIn(d, p.Writer) {
				continue
			}
			c.report.Report(analysis.Diagnostic{
				Pos: call.Pos(), End: call.End(),
				Message: fmt.Sprintf("%s %q is not flushed before %s; buffered bytes would be lost",
					typeName(p.Writer.Type()), p.Writer.Name(), closeName(call)),
				Related: []analysis.RelatedInformation{{Pos: p.At.Pos(), End: p.At.End(), Message: "writer created here over " + p.Dest.Name()}},
			})
			return
		}
	}
}

// closedField returns the field f of x.f.Close() or x.f.CloseWrite().
func (c *checker) closedField(call *ast.CallExpr) (*types.Var, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Close" && sel.Sel.Name != "CloseWrite") || len(call.Args) != 0 {
		return nil, false
	}
	fsel, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	f, ok := c.pass.TypesInfo.ObjectOf(fsel.Sel).(*types.Var)
	if !ok || !f.IsField() {
		return nil, false
	}
	return f.Origin(), true
}

// finishedIn reports whether d flushes or closes the writer field
// anywhere (directly, or by calling a method of its own type that does):
// before the close it is fine, after it the order is closeorder's finding.
func (c *checker) finishedIn(d *ast.FuncDecl, writer *types.Var) bool {
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			found = c.finishesField(call, writer, 1)
		}
		return !found
	})
	return found
}

// finishesField reports whether call is x.w.Flush()/Close() for the
// field w, or a call of a method whose body does that (depth levels).
func (c *checker) finishesField(call *ast.CallExpr, writer *types.Var, depth int) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if fsel, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Flush" || sel.Sel.Name == "Close") {
		if f, ok := c.pass.TypesInfo.ObjectOf(fsel.Sel).(*types.Var); ok && f.Origin() == writer {
			return true
		}
	}
	if depth == 0 {
		return false
	}
	decl := c.methodDecl(sel)
	if decl == nil {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if inner, ok := n.(*ast.CallExpr); ok && !found {
			found = c.finishesField(inner, writer, depth-1)
		}
		return !found
	})
	return found
}

// methodDecl returns the declaration, in this package, of the method sel
// calls.
func (c *checker) methodDecl(sel *ast.SelectorExpr) *ast.FuncDecl {
	fn, ok := c.pass.TypesInfo.ObjectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() != c.pass.Pkg {
		return nil
	}
	for _, f := range c.pass.Files {
		for _, decl := range f.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok && d.Body != nil && c.pass.TypesInfo.Defs[d.Name] == fn.Origin() {
				return d
			}
		}
	}
	return nil
}

func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// closeFails reports whether the close call at cur is on a path that
// already reports failure (a return inside an error check).
func (c *checker) closeFails(call inspector.Cursor) bool {
	stmt := call.Parent()
	switch n := stmt.Node().(type) {
	case *ast.ExprStmt:
		return c.paths.Failing(stmt)
	case *ast.ReturnStmt:
		return c.paths.ReturnFails(stmt, n)
	}
	return false
}
