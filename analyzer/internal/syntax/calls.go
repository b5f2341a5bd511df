package syntax

import (
	"go/ast"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Calling returns the call of the function named at use (f or x.f), if
// use calls it rather than taking it as a value.
func Calling(use inspector.Cursor) (inspector.Cursor, bool) {
	callee := use
	if use.ParentEdgeKind() == edge.SelectorExpr_Sel {
		callee = use.Parent() // s.writeError
	}
	if callee.ParentEdgeKind() != edge.CallExpr_Fun {
		return inspector.Cursor{}, false // used as a value, not called
	}
	return callee.Parent(), true
}

// CallAt returns the call of the function named at id, and its cursor,
// if id is called there and not used as a value.
func (s *Files) CallAt(id *ast.Ident) (*ast.CallExpr, inspector.Cursor, bool) {
	use, ok := s.Cursor(id)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	call, ok := Calling(use)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	return call.Node().(*ast.CallExpr), call, true
}
