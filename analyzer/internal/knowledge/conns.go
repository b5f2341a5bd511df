package knowledge

import (
	"go/ast"
	"go/types"
)

// closesConn reports whether t's own Close hands closing on to a
// connection it holds: every return returns the constant nil or the
// Close of a connection in a field of the receiver, after whatever
// bookkeeping (http3's stateTrackingStream marks its send side done,
// then returns s.Stream.Close()). Closing such a value reports no more
// about delivery than closing the connection does. A type with a Flush
// is left alone: its Flush, not its Close, says what it holds.
func (m *methods) closesConn(t types.Type) bool {
	d := m.decl("Close")
	if d == nil || !HasErrorMethod(t, "Close") || HasMethod(t, "Flush") {
		return false // no Close() error of its own, or a Flush to judge it by
	}
	recv := recvVar(m.p.info, d)
	if recv == nil {
		return false // an unnamed receiver holds nothing it can name
	}
	delegates := false
	ok := m.p.everyReturn(d, func(ret *ast.ReturnStmt) bool {
		if len(ret.Results) != 1 {
			return false // a bare return of a named result: not followed
		}
		if m.p.info.Types[ret.Results[0]].IsNil() {
			return true
		}
		delegates = m.p.closesConnField(recv, ret.Results[0])
		return delegates
	})
	return ok && delegates
}

// closesConnField reports whether e is a call of Close() on a field of
// recv whose type is a connection (see typeTraits).
func (p *Package) closesConnField(recv *types.Var, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" {
		return false
	}
	if s := p.info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return false // not a method call
	}
	if path, ok := chainOf(p.info, recv, sel.X); !ok || path == "" {
		return false // not a field of the receiver
	}
	return p.typeTraits(p.info.TypeOf(sel.X)).Has(Conn)
}
