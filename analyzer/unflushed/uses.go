package unflushed

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
)

// use is what one mention of a writer variable does to it.
type use int

const (
	useEscape      use = iota // anything that lets another owner finish it
	useDefine                 // its own definition or reassignment
	useWrite                  // bytes go into it
	useFinish                 // Flush or Close
	useDeferFinish            // a deferred Flush or Close
	useQuery                  // a method that neither writes nor finishes
)

// event is a use at a position, in source order.
type event struct {
	pos  token.Pos
	kind use
}

// usesOf classifies every mention of w.v in fn, including inside
// function literals (a deferred closure that finishes it is a deferred
// finish; any other closure captures it).
func (c *checker) usesOf(fn inspector.Cursor, w *writer) []event {
	var evs []event
	var writing map[*ast.FuncLit]*types.Var // built at the first mention in a literal
	for cur := range fn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.pass.TypesInfo.ObjectOf(id) != w.v {
			continue // another variable
		}
		k := c.useAt(cur, w)
		if !sameFunc(cur, fn) {
			if writing == nil {
				writing = c.writingClosures(fn, w)
			}
			if writing[outermostLit(cur, fn)] != nil {
				continue // a writing closure: its calls below are the writes
			}
			k = c.inClosure(cur, k)
		}
		evs = append(evs, event{id.Pos(), k})
	}
	for _, v := range writing {
		evs = append(evs, c.callsOf(fn, v)...)
	}
	return evs
}

// inClosure: in a deferred function literal a finish is a deferred
// finish; anything else a closure does with the writer is out of sight.
func (c *checker) inClosure(cur inspector.Cursor, k use) use {
	if (k == useFinish || k == useDeferFinish) && paths.Deferred(cur) {
		return useDeferFinish
	}
	if k == useQuery {
		return useQuery
	}
	return useEscape
}

// escapes reports whether one of the uses evs lets the writer escape.
func escapes(evs []event) bool {
	for _, ev := range evs {
		if ev.kind == useEscape {
			return true
		}
	}
	return false
}

// useAt classifies the mention of w at cur.
func (c *checker) useAt(cur inspector.Cursor, w *writer) use {
	switch cur.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		return c.methodUse(cur.Parent(), w)
	case edge.CallExpr_Args:
		return c.argUse(cur.Parent(), cur.ParentEdgeIndex(), w)
	case edge.KeyValueExpr_Value, edge.CompositeLit_Elts:
		return c.fieldUse(cur)
	case edge.AssignStmt_Lhs:
		return useDefine
	case edge.ValueSpec_Names:
		return useDefine
	}
	return useEscape
}

// methodUse classifies w.M(...) by the method's name.
func (c *checker) methodUse(sel inspector.Cursor, w *writer) use {
	se := sel.Node().(*ast.SelectorExpr)
	name := se.Sel.Name
	if s := c.pass.TypesInfo.Selections[se]; s != nil && s.Kind() == types.FieldVal {
		if sel.ParentEdgeKind() == edge.AssignStmt_Lhs || !mayHoldWriter(s.Type()) {
			return useQuery // w.ContentType = ct: a setting, not the writer going anywhere
		}
		return useEscape // a field that may hold the writer's own writer
	}
	if sel.ParentEdgeKind() != edge.CallExpr_Fun {
		if isWriteMethod(name) {
			return useWrite // put := bw.WriteString: it writes, it cannot flush
		}
		return useEscape // a method value such as w.Flush, passed around
	}
	call := sel.Parent()
	switch {
	case w.finishes(name) || c.pkg.FinishesReceiver(call.Node().(*ast.CallExpr)): // Encode ending in its own Flush
		if _, ok := call.Parent().Node().(*ast.DeferStmt); ok {
			return useDeferFinish
		}
		return useFinish
	case isWriteMethod(name):
		return useWrite
	}
	return useQuery
}

// isWriteMethod reports whether a method of that name puts data into a
// writer: Write*, the entry makers of zip, tar and multipart, encoders.
func isWriteMethod(name string) bool {
	for _, p := range [...]string{"Write", "Create", "Encode", "Copy"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return name == "ReadFrom"
}

// argUse classifies f(..., w, ...): a write when f takes an io.Writer, a
// finish when f is known to finish that parameter, an escape otherwise.
func (c *checker) argUse(call inspector.Cursor, i int, w *writer) use {
	ce := call.Node().(*ast.CallExpr)
	fn, _ := typeutil.Callee(c.pass.TypesInfo, ce).(*types.Func)
	if fn == nil {
		return useEscape
	}
	if c.fin.finishesParam(fn, i) {
		if _, ok := call.Parent().Node().(*ast.DeferStmt); ok {
			return useDeferFinish
		}
		return useFinish
	}
	sig := fn.Type().(*types.Signature)
	if writeOnly(paramType(sig, i)) {
		return useWrite // an io.Writer cannot be flushed or closed through
	}
	return useEscape
}

// writeOnly reports whether t is an interface through which a writer can
// be written but not flushed or closed: io.Writer.
func writeOnly(t types.Type) bool {
	return t != nil && types.IsInterface(t) && knowledge.HasWrite(t) &&
		!knowledge.HasErrorMethod(t, "Flush") && !knowledge.HasErrorMethod(t, "Close")
}

// fieldUse classifies w as the value of a field in a struct literal
// passed straight to a call (next.ServeHTTP(gzipResponseWriter{zw: gz},
// r)): a write when the field is an io.Writer, through which the callee
// can write w but not finish it, as for an io.Writer parameter; an escape
// otherwise, and when the literal is stored or returned, where a method
// of its type may finish the field later.
func (c *checker) fieldUse(cur inspector.Cursor) use {
	lit := cur.Parent()
	var key *ast.Ident
	if cur.ParentEdgeKind() == edge.KeyValueExpr_Value {
		key, _ = cur.Parent().Node().(*ast.KeyValueExpr).Key.(*ast.Ident)
		lit = lit.Parent()
	}
	cl, ok := lit.Node().(*ast.CompositeLit)
	if !ok || !passedToCall(lit) {
		return useEscape
	}
	st, ok := types.Unalias(c.pass.TypesInfo.TypeOf(cl)).Underlying().(*types.Struct)
	if !ok {
		return useEscape // a slice, array or map element
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if (key != nil && f.Name() == key.Name) || (key == nil && i == cur.ParentEdgeIndex()) {
			if writeOnly(f.Type()) {
				return useWrite
			}
			return useEscape
		}
	}
	return useEscape
}

// paramType returns the type of parameter i, unrolling a variadic tail.
func paramType(sig *types.Signature, i int) types.Type {
	params := sig.Params()
	if i < params.Len()-1 || (i < params.Len() && !sig.Variadic()) {
		return params.At(i).Type()
	}
	if sig.Variadic() && params.Len() > 0 {
		if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
			return s.Elem()
		}
	}
	return nil
}

// passedToCall reports whether the expression at cur (or &it) is an
// argument of a call.
func passedToCall(cur inspector.Cursor) bool {
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur = cur.Parent()
	}
	return cur.ParentEdgeKind() == edge.CallExpr_Args
}
