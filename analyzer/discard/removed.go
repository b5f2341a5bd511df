package discard

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// removedAfter reports whether a statement after stmt in its block
// removes the file that commit writes to (directly, or below the writers
// made over it): a temporary file closed and removed keeps nothing.
// Removing another file (the original a compressed copy was made from)
// excuses nothing.
func (c *checker) removedAfter(stmt inspector.Cursor, commit knowledge.Commit, r *knowledge.Resolver) bool {
	chain := writerChain(commit.Target, r)
	for next, ok := stmt.NextSibling(); ok; next, ok = next.NextSibling() {
		found := false
		ast.Inspect(next.Node(), func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && c.removesOneOf(call, chain, r) {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// writerChain returns e and the writers below it, each made over the
// next (gz := gzip.NewWriter(f): gz, f).
func writerChain(e ast.Expr, r *knowledge.Resolver) []ast.Expr {
	var chain []ast.Expr
	for depth := 0; e != nil && depth < 8; depth++ {
		chain = append(chain, e)
		e = r.Underlying(e)
	}
	return chain
}

// removesOneOf reports whether call is os.Remove or os.RemoveAll of the
// path of one of files: f.Name(), the path f was created or opened with,
// or a variable holding f.Name().
func (c *checker) removesOneOf(call *ast.CallExpr, files []ast.Expr, r *knowledge.Resolver) bool {
	if !c.isOSFunc(call, "Remove", "RemoveAll") || len(call.Args) != 1 {
		return false
	}
	path := call.Args[0]
	named := c.fileNamed(path, r)
	for _, f := range files {
		if named != nil && refs.Same(c.pass.TypesInfo, named, f) {
			return true // os.Remove(f.Name())
		}
		open, ok := ast.Unparen(r.Origin(f)).(*ast.CallExpr)
		if ok && c.isOSFunc(open, "Create", "OpenFile") && refs.Same(c.pass.TypesInfo, open.Args[0], path) {
			return true // f, err := os.Create(path) ... os.Remove(path)
		}
	}
	return false
}

// fileNamed returns f when path is f.Name() of an *os.File, directly or
// through the one assignment of a variable (name := f.Name()), or nil.
func (c *checker) fileNamed(path ast.Expr, r *knowledge.Resolver) ast.Expr {
	if o := r.Origin(path); o != nil {
		path = o
	}
	call, ok := ast.Unparen(path).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "os" || fn.Name() != "Name" || !isMethodFunc(fn) {
		return nil // not (*os.File).Name
	}
	return sel.X
}

// isOSFunc reports whether call calls one of the named functions (not
// methods) of package os.
func (c *checker) isOSFunc(call *ast.CallExpr, names ...string) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "os" || isMethodFunc(fn) {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

func isMethodFunc(fn *types.Func) bool {
	return fn.Type().(*types.Signature).Recv() != nil
}
