package knowledge

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// ResetsDest reports whether fn is the Reset(w) method of a table writer
// type, which switches the writer to the destination w (bufio.Writer,
// gzip.Writer): what the writer wrote to before no longer matters.
func ResetsDest(fn *types.Func) bool {
	if fn == nil || fn.Name() != "Reset" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || TypeRow(sig.Recv().Type()) == nil {
		return false // not a method of a table type
	}
	return sig.Params().Len() == 1 && IsWriterParam(sig.Params().At(0).Type())
}

// noteReset records call when it is v.Reset(w) on a local table writer v.
func (r *Resolver) noteReset(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Reset" || len(call.Args) != 1 {
		return // the common case, decided without types
	}
	fn, _ := r.info.ObjectOf(sel.Sel).(*types.Func)
	if v := localVar(r.info, sel.X); v != nil && ResetsDest(fn) {
		if r.resets == nil {
			r.resets = make(map[*types.Var][]*ast.CallExpr) // made on first use: most functions need none
		}
		r.resets[v] = append(r.resets[v], call)
	}
}

// resetBefore returns the destination that the last v.Reset(w) before
// use gave v, when that Reset is a statement of a block one of whose
// later statements holds use (so it ran before use), and nothing else
// can have changed v's destination in between: every mention of v in
// the function is the receiver of a direct method call outside any
// function literal, and no other Reset of v lies between them.
// Otherwise it returns nil.
func (r *Resolver) resetBefore(v *types.Var, use *ast.Ident) ast.Expr {
	calls := r.resets[v]
	if len(calls) == 0 {
		return nil // never reset
	}
	fn, ok := r.cursor()
	if !ok || !onlyCalledOn(r.info, fn, v) {
		return nil
	}
	useCur, ok := fn.FindNode(use)
	if !ok {
		return nil
	}
	var last *ast.CallExpr
	for _, call := range calls {
		if call.Pos() < use.Pos() && (last == nil || call.Pos() > last.Pos()) {
			last = call
		}
	}
	if last == nil {
		return nil // no Reset before the use
	}
	callCur, ok := fn.FindNode(last)
	if !ok || !precedesInBlock(callCur.Parent(), useCur) {
		return nil
	}
	return last.Args[0]
}

// precedesInBlock reports whether stmt is a statement of a block (or
// case clause) that also holds, in a later statement, the node at use.
func precedesInBlock(stmt, use inspector.Cursor) bool {
	if _, ok := stmt.Node().(*ast.ExprStmt); !ok {
		return false // the Reset is part of a larger statement
	}
	block := stmt.Parent()
	switch block.Node().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return false
	}
	for c := use; c.Node() != nil; c = c.Parent() {
		if c.Parent() == block {
			return c.Node().Pos() > stmt.Node().End()
		}
	}
	return false
}

// onlyCalledOn reports whether every use of v in the function fn is the
// receiver of a direct method call (v.M(...)) outside function literals:
// then only its own methods, in the function's order, change it.
func onlyCalledOn(info *types.Info, fn inspector.Cursor, v *types.Var) bool {
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[c.Node().(*ast.Ident)] != v {
			continue // not v, or its declaration
		}
		if c.ParentEdgeKind() != edge.SelectorExpr_X || c.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return false // passed, assigned, captured as a method value
		}
		for lit := range c.Enclosing((*ast.FuncLit)(nil)) {
			if lit.Node() != fn.Node() {
				return false // used in a closure, which may run at any time
			}
			break // the innermost literal is the function itself
		}
	}
	return true
}

// everyDest returns the traits taken from destinations (see inherited)
// that every destination the local table writer v is ever given has:
// each constructor assigned to it wraps one, each v.Reset(w) gives one,
// and a value from elsewhere counts only when the next statement resets
// it (bw = pool.Get().(*bufio.Writer); bw.Reset(pw)). In whatever order
// the function runs them, v writes to one of them; v.Reset(nil) gives it
// nothing to write to.
func (r *Resolver) everyDest(v *types.Var, depth int) Trait {
	srcs := r.assigns[v]
	if len(r.resets[v]) == 0 || len(srcs) == 0 {
		return 0 // never reset, or a parameter: its first destination is the caller's
	}
	all := inherited
	for _, call := range r.resets[v] {
		if r.info.Types[call.Args[0]].IsNil() {
			continue
		}
		all &= r.classify(call.Args[0], depth+1).Traits
	}
	for _, src := range srcs {
		switch {
		case src == nil:
			return 0
		case r.Underlying(src) != nil:
			all &= r.classify(src, depth+1).Traits // a constructor: the writer it wraps
		case !r.resetNext(src, v):
			return 0 // a writer from elsewhere, used as it came
		}
	}
	return all
}

// resetNext reports whether src is the right side of an assignment to v
// whose next statement is v.Reset(w).
func (r *Resolver) resetNext(src ast.Expr, v *types.Var) bool {
	fn, ok := r.cursor()
	if !ok {
		return false
	}
	cur, ok := fn.FindNode(src)
	if !ok || cur.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	next, ok := cur.Parent().NextSibling()
	if !ok {
		return false
	}
	es, ok := next.Node().(*ast.ExprStmt)
	if !ok {
		return false
	}
	for _, call := range r.resets[v] {
		if es.X == call {
			return true
		}
	}
	return false
}
