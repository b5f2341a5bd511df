package closeorder

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

// normalExit reports whether the block, which has no successors, returns
// success: not a panic or a call that never returns, not a return of a
// non-nil error (SPEC: a path that reports failure is not a truncation).
func (f *flow) normalExit(b *cfg.Block) bool {
	if len(b.Nodes) == 0 {
		return !f.c.paths.ReturnFails(f.body(), nil)
	}
	last := b.Nodes[len(b.Nodes)-1]
	switch n := last.(type) {
	case *ast.ReturnStmt:
		cur, ok := f.unit.FindByPos(n.Pos(), n.End())
		if !ok || cur.Node() != ast.Node(n) {
			// The return the graph adds at the closing brace.
			return !f.c.paths.ReturnFails(f.body(), nil)
		}
		return !f.c.paths.ReturnFails(cur, n) || f.endOfInput(cur)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && f.c.paths.NeverReturns(call) {
			return false
		}
	}
	cur, ok := f.unit.FindByPos(last.Pos(), last.End())
	if !ok {
		return false
	}
	return !f.c.paths.ReturnFails(cur, nil)
}

func (f *flow) body() inspector.Cursor {
	_, body := funcParts(f.unit.Node())
	if cur, ok := f.unit.FindByPos(body.Pos(), body.End()); ok {
		return cur
	}
	return f.unit
}

// endOfInput reports whether the return at cur, in a function with no
// error to return, lies only in error checks of reads: the input ended
// (io.EOF is how a stream ends, and a read error is not a write error),
// which says nothing of the bytes written, so the deferred calls run on
// a path that claims success.
func (f *flow) endOfInput(cur inspector.Cursor) bool {
	if f.returnsError() {
		return false // a non-nil error returned is the failure reported
	}
	guards := f.c.paths.Guards(cur)
	if len(guards) == 0 {
		return false
	}
	for obj := range guards {
		v, ok := obj.(*types.Var)
		if !ok || !f.c.readErr(f.m.fn.Node(), v) {
			return false
		}
	}
	return true
}

// returnsError reports whether the unit's last result is an error.
func (f *flow) returnsError() bool {
	ft, _ := funcParts(f.unit.Node())
	if ft.Results == nil || len(ft.Results.List) == 0 {
		return false
	}
	last := ft.Results.List[len(ft.Results.List)-1]
	return knowledge.IsError(f.c.info.TypeOf(last.Type))
}

// readErr reports whether every value assigned to v in body is the
// error of a read: line, err := br.ReadString('\n').
func (c *checker) readErr(body ast.Node, v *types.Var) bool {
	found, all := false, true
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || !all {
			return all
		}
		for i, l := range as.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); !ok || c.info.ObjectOf(id) != v {
				continue
			}
			found = true
			rhs := as.Rhs[0]
			if len(as.Rhs) == len(as.Lhs) {
				rhs = as.Rhs[i]
			}
			call, ok := ast.Unparen(rhs).(*ast.CallExpr)
			all = all && ok && c.isReadCall(call)
		}
		return all
	})
	return found && all
}

// isReadCall reports whether call reads a stream: a Read method
// (Read, ReadString, ReadLine, ReadMessage; not ReadFrom, which
// writes), or a Read function taking a reader (io.ReadFull,
// http.ReadRequest).
func (c *checker) isReadCall(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || !strings.HasPrefix(fn.Name(), "Read") || fn.Name() == "ReadFrom" {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil {
		return true
	}
	for i := range sig.Params().Len() {
		if knowledge.HasRead(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// funcParts returns the type and body of a unit, a function declaration
// or literal.
func funcParts(n ast.Node) (*ast.FuncType, *ast.BlockStmt) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type, n.Body
	case *ast.FuncLit:
		return n.Type, n.Body
	}
	return nil, nil
}
