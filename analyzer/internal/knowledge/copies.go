package knowledge

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A struct value stored in a field carries its own fields along, so a
// field reached through a struct-valued field holds what that field's
// struct values were built with, not what every value of its type was:
// internal/fuzz's workerClient embeds a workerComm whose files are
// os.Pipe's ends, built in one function and handed to an unexported
// constructor, while the worker process builds its workerComm from
// os.NewFile for a workerServer. Each struct value stored in the outer
// field is followed back to the composite literal that made it, through
// the assignments of a local and, for a parameter of a function only
// the package calls, the argument of every call. Anything else gives
// up: a struct whose address is taken (the callee may store through
// it), a parameter of a function other packages may call, a package
// variable, a call's result, a field. A direct store into the inner
// field (x.comm.in = f) may be into any such value, so every one counts.

// copyHop bounds the steps from a stored struct value back to the
// literal that made it: a parameter to its callers' argument, a local
// to its assignments.
const copyHop = 3

// fieldPath is an inner field reached through a struct-valued outer
// field, both origins.
type fieldPath struct{ outer, inner *types.Var }

// pathTraits returns the traits taken from the destination (see
// inherited) that hold for the field sel selects in every struct value
// the package stores in the struct-valued field sel reaches it through
// (wc.fuzzIn, through the embedded workerComm), or 0.
func (p *Package) pathTraits(sel *ast.SelectorExpr, inner *types.Var) Trait {
	if !p.ownField(inner) {
		return 0 // a direct store may be in another package
	}
	outer := p.container(sel)
	if outer == nil || !p.ownField(outer) {
		return 0 // not through a field, or one stored into elsewhere too
	}
	if _, ok := outer.Type().Underlying().(*types.Struct); !ok {
		return 0 // a pointer: shared with whoever else holds it
	}
	k := fieldPath{outer.Origin(), inner.Origin()}
	return cached(&p.memo.mu, &p.memo.paths, k, func() Trait { return p.copiedTraits(k) })
}

// container returns the field holding the struct that has the field sel
// selects: the last embedded field of an implicit path (the workerComm
// of wc.fuzzIn), or the field sel.X selects (x.comm of x.comm.in).
func (p *Package) container(sel *ast.SelectorExpr) *types.Var {
	s := p.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil // a qualified name or a method
	}
	idx := s.Index()
	if len(idx) == 1 {
		x, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
		if !ok {
			return nil // x.in: not through a field
		}
		f, _ := p.info.ObjectOf(x.Sel).(*types.Var)
		if f == nil || !f.IsField() {
			return nil
		}
		return f
	}
	var f *types.Var
	t := s.Recv()
	for _, i := range idx[:len(idx)-1] {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		f = st.Field(i)
		t = f.Type()
	}
	return f
}

// copiedTraits computes pathTraits for the path k.
func (p *Package) copiedTraits(k fieldPath) Trait {
	if hasPointerMethods(k.outer.Type()) {
		return 0 // a method may store through &x.outer
	}
	stores := p.fieldStores()[k.outer]
	if len(stores) == 0 {
		return 0 // never set: nothing to go on
	}
	all := inherited
	for _, s := range stores {
		if s.val == nil || s.fn == nil {
			return 0 // not followed, or set at package level
		}
		if all &= p.componentTraits(s.fn, s.val, k.inner, 0); all == 0 {
			return 0
		}
	}
	var direct []store
	for _, s := range p.fieldStores()[k.inner] {
		if !s.lit {
			direct = append(direct, s) // x.outer.inner = v, or &x.inner taken
		}
	}
	if len(direct) > 0 {
		all &= p.storedTraits(direct)
	}
	return all
}

// hasPointerMethods reports whether t is a named type with a method on
// its pointer: calling it on a field or variable takes its address.
func hasPointerMethods(t types.Type) bool {
	n := named(t)
	if n == nil {
		return false // a struct literal type: no methods
	}
	n = n.Origin()
	for i := range n.NumMethods() {
		if _, ok := n.Method(i).Signature().Recv().Type().(*types.Pointer); ok {
			return true
		}
	}
	return false
}

// componentTraits returns the traits (see inherited) of the field inner
// of the struct value e, in the outermost function fn: the literal's
// element for inner, or, for a variable, that of every value it gets.
func (p *Package) componentTraits(fn ast.Node, e ast.Expr, inner *types.Var, hop int) Trait {
	if hop > copyHop {
		return 0
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		el := element(p.info, e, inner)
		if el == nil {
			return 0 // the zero value, or not a literal of inner's struct
		}
		return p.Resolver(fn).classify(el, fieldHop).Traits & inherited
	case *ast.Ident:
		return p.varTraits(fn, e, inner, hop)
	}
	return 0 // a call's result, a field, a dereference: not followed
}

// element returns the element of the struct literal lit for the field
// f, or nil.
func element(info *types.Info, lit *ast.CompositeLit, f *types.Var) ast.Expr {
	var el ast.Expr
	literalFields(info, lit, func(g *types.Var, val ast.Expr) {
		if g.Origin() == f {
			el = val
		}
	})
	return el
}

// varTraits returns the traits of the field inner of the struct variable
// id of fn: of every value assigned to it, or for a parameter of fn, of
// every caller's argument.
func (p *Package) varTraits(fn ast.Node, id *ast.Ident, inner *types.Var, hop int) Trait {
	v := localVar(p.info, id)
	if v == nil || hasPointerMethods(v.Type()) || addressTaken(p.info, fn, v) {
		return 0 // a package variable, or one a pointer may store into
	}
	srcs := p.Resolver(fn).assigns[v]
	if p.inSignature(fn, v) {
		decl, ok := fn.(*ast.FuncDecl)
		if !ok || len(srcs) > 0 {
			return 0 // the caller's value, then others
		}
		if i := ParamIndex(p.info, decl, id); i >= 0 {
			return p.argTraits(decl, i, inner, hop)
		}
		return 0 // a literal's parameter, a result or the receiver
	}
	if len(srcs) == 0 {
		return 0 // declared only: the zero value
	}
	all := inherited
	for _, src := range srcs {
		if src == nil {
			return 0 // one result of several, or a range variable
		}
		if all &= p.componentTraits(fn, src, inner, hop+1); all == 0 {
			return 0
		}
	}
	return all
}

// inSignature reports whether v is declared in the signature of fn or
// of a function literal in it: its first value is the caller's.
func (p *Package) inSignature(fn ast.Node, v *types.Var) bool {
	in := func(n ast.Node) bool { return n.Pos() <= v.Pos() && v.Pos() < n.End() }
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if fn.Recv != nil && in(fn.Recv) || in(fn.Type) {
			return true
		}
	case *ast.FuncLit:
		if in(fn.Type) {
			return true
		}
	}
	i, ok := p.files.FuncIndex(fn)
	if !ok {
		return true // not indexed: assume the worst
	}
	for _, n := range p.files.Within(i) {
		if lit, ok := n.N.(*ast.FuncLit); ok && in(lit.Type) {
			return true
		}
	}
	return false
}

// addressTaken reports whether the function fn, the literals in it
// included, takes the address of the variable v or of a part of it.
func addressTaken(info *types.Info, fn ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND && rootVar(info, u.X) == v {
			found = true
		}
		return !found
	})
	return found
}

// rootVar returns the variable at the root of e (x in x.a.b or x[i]),
// or nil.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// argTraits returns the traits of the field inner of the struct every
// call of decl passes as its parameter i, when only the package calls
// decl and only by name.
func (p *Package) argTraits(decl *ast.FuncDecl, i int, inner *types.Var, hop int) Trait {
	fn, ok := p.info.Defs[decl.Name].(*types.Func)
	if !ok || !p.Private(fn) {
		return 0 // other packages' arguments are not seen
	}
	if sig := fn.Signature(); sig.Variadic() && i == sig.Params().Len()-1 {
		return 0 // a variadic parameter: a slice, not one argument
	}
	uses := p.UsesOf(fn)
	if len(uses) == 0 {
		return 0 // never called: nothing to go on
	}
	all := inherited
	for _, id := range uses {
		call, at, ok := p.files.CallAt(id)
		if !ok || i >= len(call.Args) {
			return 0 // a function value, or f(g()) spreading results
		}
		outer := outermost(at)
		if outer == nil {
			return 0 // a call at package level
		}
		if all &= p.componentTraits(outer, call.Args[i], inner, hop+1); all == 0 {
			return 0
		}
	}
	return all
}
