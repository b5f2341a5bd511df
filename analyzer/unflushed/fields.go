package unflushed

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// pairing is a struct field holding a buffered writer over the
// destination held in another field of the same struct.
type pairing struct {
	writer *types.Var // c.bw
	dest   *types.Var // c.conn
	at     ast.Node   // where the writer is made over the destination
}

// checkFields reports, in a Close, Shutdown or Stop method, the
// destination field closed without first finishing the writer field over
// it: c.conn.Close() with c.bw = bufio.NewWriter(c.conn) unflushed.
func (c *checker) checkFields(root inspector.Cursor) {
	pairs := c.pairings(root)
	if len(pairs) == 0 {
		return
	}
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		if d.Recv == nil || d.Body == nil || !isShutdownName(d.Name.Name) {
			continue // not a Close, Shutdown or Stop method
		}
		c.checkShutdown(cur, d, pairs)
	}
}

func isShutdownName(name string) bool {
	return name == "Close" || name == "Shutdown" || name == "Stop"
}

// pairings finds writer fields made over destination fields, in
// assignments (c.bw = bufio.NewWriter(c.conn)) and composite literals
// (&T{conn: conn, bw: bufio.NewWriter(conn)}).
func (c *checker) pairings(root inspector.Cursor) map[*types.Var]pairing {
	pairs := make(map[*types.Var]pairing)
	for cur := range root.Preorder((*ast.AssignStmt)(nil), (*ast.CompositeLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			c.assignPairings(n, pairs)
		case *ast.CompositeLit:
			c.literalPairings(n, pairs)
		}
	}
	return pairs
}

func (c *checker) assignPairings(as *ast.AssignStmt, pairs map[*types.Var]pairing) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		wsel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		dest, ok := c.wrappedArg(as.Rhs[i]).(*ast.SelectorExpr)
		if !ok || !refs.Same(c.pass.TypesInfo, wsel.X, dest.X) {
			continue // not over a field of the same struct
		}
		c.addPairing(pairs, wsel.Sel, dest.Sel, as)
	}
}

func (c *checker) literalPairings(lit *ast.CompositeLit, pairs map[*types.Var]pairing) {
	values := make(map[*types.Var]ast.Expr)
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := c.pass.TypesInfo.ObjectOf(key).(*types.Var); ok {
					values[f] = kv.Value
				}
			}
		}
	}
	for wf, val := range values {
		arg := c.wrappedArg(val)
		if arg == nil {
			continue
		}
		for df, dval := range values {
			if df != wf && refs.Same(c.pass.TypesInfo, arg, dval) {
				pairs[wf.Origin()] = pairing{writer: wf.Origin(), dest: df.Origin(), at: lit}
			}
		}
	}
}

func (c *checker) addPairing(pairs map[*types.Var]pairing, w, d *ast.Ident, at ast.Node) {
	wf, ok1 := c.pass.TypesInfo.ObjectOf(w).(*types.Var)
	df, ok2 := c.pass.TypesInfo.ObjectOf(d).(*types.Var)
	if ok1 && ok2 && wf.IsField() && df.IsField() {
		pairs[wf.Origin()] = pairing{writer: wf.Origin(), dest: df.Origin(), at: at}
	}
}

// wrappedArg returns the destination argument of a buffering
// constructor call such as bufio.NewWriter(x), or nil.
func (c *checker) wrappedArg(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	traits, _ := knowledge.StaticTraits(c.pass.TypesInfo.TypeOf(call))
	if !traits.Has(knowledge.Buffered) {
		return nil // not a buffered writer
	}
	r := c.pkg.NewResolver(call)
	return r.Underlying(call)
}

// checkShutdown reports the first close of a paired destination in the
// method that no finish of its writer precedes.
func (c *checker) checkShutdown(fn inspector.Cursor, d *ast.FuncDecl, pairs map[*types.Var]pairing) {
	for cur := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		field, ok := c.closedField(call)
		if !ok {
			continue
		}
		for _, p := range pairs {
			if p.dest != field || c.finishedBefore(d, p.writer, call) {
				continue
			}
			c.report.Report(analysis.Diagnostic{
				Pos: call.Pos(), End: call.End(),
				Message: fmt.Sprintf("%s %q is not flushed before %s; buffered bytes would be lost",
					typeName(p.writer.Type()), p.writer.Name(), closeName(call)),
				Related: []analysis.RelatedInformation{{Pos: p.at.Pos(), End: p.at.End(), Message: "writer created here over " + p.dest.Name()}},
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

// finishedBefore reports whether d flushes or closes the writer field
// before the call (directly, or by calling a method of its own type that
// does).
func (c *checker) finishedBefore(d *ast.FuncDecl, writer *types.Var, before *ast.CallExpr) bool {
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || call.Pos() >= before.Pos() {
			return !found
		}
		found = c.finishesField(call, writer, 1)
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
