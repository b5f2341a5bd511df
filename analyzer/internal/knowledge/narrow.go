package knowledge

import (
	"go/ast"
	"go/types"
)

// narrowed returns the traits, taken from destinations, that every type
// listed by a case of a type switch on lv holding id has: in
//
//	switch w.(type) {
//	case *bytes.Buffer, *strings.Builder:
//		f(w)
//
// w cannot fail at f(w). lv must not be assigned in the function (the
// caller checks), or the value switched on may not be the one used.
// Nested switches on lv each say something true: their traits add up.
func (r *Resolver) narrowed(lv *types.Var, id *ast.Ident) Trait {
	var t Trait
	for _, sw := range r.types {
		if id.Pos() < sw.Body.Lbrace || id.End() > sw.Body.Rbrace {
			continue // id is not in this switch
		}
		for _, s := range sw.Body.List {
			cc, ok := s.(*ast.CaseClause)
			if !ok || id.Pos() < cc.Colon || id.End() > cc.End() {
				continue // id is not in this case's body
			}
			if r.switchesOn(sw, cc, lv) {
				t |= r.caseTraits(cc)
			}
		}
	}
	return t
}

// switchesOn reports whether the case cc of sw is about lv: the switch
// is on lv itself (switch w.(type)), or lv is the variable the case
// declares (switch x := w.(type)).
func (r *Resolver) switchesOn(sw *ast.TypeSwitchStmt, cc *ast.CaseClause, lv *types.Var) bool {
	switch a := sw.Assign.(type) {
	case *ast.ExprStmt:
		ta, ok := ast.Unparen(a.X).(*ast.TypeAssertExpr)
		return ok && localVar(r.info, ta.X) == lv
	case *ast.AssignStmt:
		return r.info.Implicits[cc] == lv
	}
	return false
}

// caseTraits returns the inherited traits every type cc lists has; none
// for the default case or a nil case.
func (r *Resolver) caseTraits(cc *ast.CaseClause) Trait {
	if len(cc.List) == 0 || r.pkg == nil {
		return 0 // the default case: any type
	}
	all := inherited
	for _, e := range cc.List {
		t := r.info.TypeOf(e)
		if t == nil || types.Identical(t, types.Typ[types.UntypedNil]) {
			return 0 // ill-typed, or case nil
		}
		all &= r.pkg.typeTraits(t)
	}
	return all
}
