package discard

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
)

// stickyBeneath reports whether a discarded Flush or Close leaves its
// error in a sticky writer below it that a checked call returns later:
// the writer it wraps, when a later call on that writer in the function
// uses its result (a tabwriter over a bufio.Writer, then return
// b.Flush()) or it keeps the error in a field the package returns; or
// the field that every write of its type goes to
// (knowledge.StickyVia: textproto's dotWriter writes only to w.W), when
// the package checks that field's calls and this is no shutdown path.
func (c *checker) stickyBeneath(stmt inspector.Cursor, commit knowledge.Commit, r *knowledge.Resolver) bool {
	if commit.Target == nil || (commit.Op != knowledge.OpFlush && commit.Op != knowledge.OpClose) {
		return false // only a finishing call's error is all from the writer below
	}
	if under := r.Underlying(commit.Target); under != nil && r.Classify(under).Traits.Has(knowledge.Sticky) {
		if c.keptLater(stmt, knowledge.Commit{Target: under}) {
			return true // the writer below returns the error again
		}
		if c.errorReturned(stmt, under) {
			return true // the writer below keeps it in a field the package returns
		}
	}
	field := c.pkg.StickyVia(c.pass.TypesInfo.TypeOf(commit.Target))
	return field != nil && c.keptFields()[field] && !c.shutsDown(stmt)
}

// errorReturned reports whether the sticky writer under keeps its first
// error in a field that a function of the package, not one of the
// writer's own methods, returns as its error (image/gif's blockWriter
// keeps it in the encoder's err, which Encode returns), and stmt is on
// no shutdown path, so that error surfaces.
func (c *checker) errorReturned(stmt inspector.Cursor, under ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(under)
	field := c.pkg.StickyErr(t)
	return field != nil && c.pkg.ReturnsField(field, t) && !c.shutsDown(stmt)
}

// shutsDown reports whether stmt is on a shutdown path, where no later
// use of the writer will return its error: in a Close method, or
// followed in its function by a call of some Close.
func (c *checker) shutsDown(stmt inspector.Cursor) bool {
	if decl, ok := paths.EnclosingDecl(stmt); ok && isCloseMethod(c.pass.TypesInfo, decl) {
		return true
	}
	outer, ok := outermost(stmt)
	if !ok {
		return true
	}
	for cur := range outer.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if call.Pos() > stmt.Node().End() && isCloseCall(c.pass.TypesInfo, call) {
			return true
		}
	}
	return false
}

// isCloseMethod reports whether decl implements io.Closer's Close.
func isCloseMethod(info *types.Info, decl *ast.FuncDecl) bool {
	fn, ok := info.Defs[decl.Name].(*types.Func)
	return ok && decl.Recv != nil && fn.Name() == "Close" && closerSig(fn)
}

// isCloseCall reports whether call calls a method Close() error.
func isCloseCall(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := info.ObjectOf(sel.Sel).(*types.Func)
	return ok && fn.Name() == "Close" && closerSig(fn)
}

func closerSig(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && knowledge.IsError(sig.Results().At(0).Type())
}
