package knowledge

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A struct field's value is known from what the package stores in it
// only when no other package can store there: the field is unexported.
// fasthttp keeps the destination of its compressors in compressCtx.w,
// set only in the branch of a type switch over in-memory writers, so a
// compressor over ctx.w cannot fail. What is not seen: a writer the
// field points to, switched through a copy of the pointer (bw := c.bw;
// bw.Reset(conn)), and stores through reflect or unsafe.

// fieldHop is the depth below which a classification follows a field to
// the values stored in it. The stores themselves are classified from
// this depth on, so no chain follows a second field: a field's traits
// are then a function of the field alone, computed once.
const fieldHop = 4

// store is one value the package puts into a struct field, and the
// outermost function doing it; val is nil when the value cannot be
// followed (one result of a call returning several, a field whose
// address is taken, a destination switched by a method call). lit says
// the value is an element of a composite literal: it goes into a new
// struct value, not into one already stored somewhere.
type store struct {
	val ast.Expr
	fn  ast.Node
	lit bool
}

// fieldStores returns the stores into each unexported field of the
// package's struct types, keyed by the field's origin. It is computed
// once, on first use, and safe for the concurrent use of the analyzers.
func (p *Package) fieldStores() map[*types.Var][]store {
	p.storesOnce.Do(func() {
		p.stores = make(map[*types.Var][]store)
		funcs := p.files.Funcs()
		for _, n := range p.files.Nodes() {
			var fn ast.Node
			if i := p.files.Outermost(n.Func); i >= 0 {
				fn = funcs[i].N
			}
			p.noteStores(n.N, fn)
		}
	})
	return p.stores
}

// noteStores records the stores into fields that n makes, and marks as
// unknown the fields whose address n takes or whose destination a
// method call of n may switch (x.bw.Reset(conn)).
func (p *Package) noteStores(n ast.Node, fn ast.Node) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		p.assignStores(n, fn)
		p.addressed(n.Rhs)
	case *ast.CompositeLit:
		p.literalStores(n, fn)
		for _, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			p.addressed([]ast.Expr{e})
		}
	case *ast.CallExpr:
		p.addressed(n.Args)
		p.redirected(n)
	case *ast.ValueSpec:
		p.addressed(n.Values)
	case *ast.ReturnStmt:
		p.addressed(n.Results)
	case *ast.RangeStmt:
		p.addStore(n.Key, nil, nil) // for x.f = range ...: not followed
		p.addStore(n.Value, nil, nil)
	}
}

func (p *Package) assignStores(as *ast.AssignStmt, fn ast.Node) {
	for i, l := range as.Lhs {
		var val ast.Expr
		if len(as.Rhs) == len(as.Lhs) && as.Tok == token.ASSIGN {
			val = as.Rhs[i]
		}
		p.addStore(l, val, fn)
	}
}

func (p *Package) literalStores(lit *ast.CompositeLit, fn ast.Node) {
	literalFields(p.info, lit, func(f *types.Var, val ast.Expr) {
		p.addField(f, store{val: val, fn: fn, lit: true})
	})
}

// literalFields calls set with each element of the struct literal lit
// and the field it sets, by key or by position; not at all for a literal
// of another kind.
func literalFields(info *types.Info, lit *ast.CompositeLit, set func(f *types.Var, val ast.Expr)) {
	t := info.TypeOf(lit)
	if t == nil {
		return // ill-typed
	}
	st, ok := deref(t).Underlying().(*types.Struct)
	if !ok {
		return // not a struct literal
	}
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := info.ObjectOf(key).(*types.Var); ok {
					set(f, kv.Value)
				}
			}
			continue
		}
		if i < st.NumFields() {
			set(st.Field(i), e) // T{a, b}: by position
		}
	}
}

// addStore records val stored into the field that lhs selects, if any.
func (p *Package) addStore(lhs, val ast.Expr, fn ast.Node) {
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
		p.addField(p.info.ObjectOf(sel.Sel), store{val: val, fn: fn})
	}
}

// addField records s, a store into obj, if obj is an unexported field
// of this package: fieldTraits asks of no other field.
func (p *Package) addField(obj types.Object, s store) {
	f, ok := obj.(*types.Var)
	if !ok || !p.ownField(f) {
		return
	}
	p.stores[f.Origin()] = append(p.stores[f.Origin()], s)
}

// ownField reports whether f is an unexported field of this package:
// every store into it is in the package.
func (p *Package) ownField(f *types.Var) bool {
	return f.IsField() && !f.Exported() && f.Pkg() == p.pass.Pkg
}

// addressed marks the fields whose address one of es takes (&x.f):
// they may be stored through the pointer.
func (p *Package) addressed(es []ast.Expr) {
	for _, e := range es {
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			p.addStore(u.X, nil, nil)
		}
	}
}

// redirected marks the field whose method call takes a writer: it may
// switch the field's destination (x.bw.Reset(conn)).
func (p *Package) redirected(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return // not a method call with arguments
	}
	recv, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return // the receiver is not a field
	}
	if fn, ok := typeutil.Callee(p.info, call).(*types.Func); ok && isMethod(fn) && WriterParam(fn) >= 0 {
		p.addStore(recv, nil, nil)
	}
}

// fieldTraits returns the traits a value takes from its destination
// (Infallible, StdStream, Pipe) that hold for every value the package
// stores in the unexported field f, or 0. The stores are classified
// where they are made.
func (p *Package) fieldTraits(f *types.Var) Trait {
	if !p.ownField(f) {
		return 0 // another package may store there too
	}
	f = f.Origin()
	return cached(&p.memo.mu, &p.memo.fields, f, func() Trait { return p.storedTraits(p.fieldStores()[f]) })
}

func (p *Package) storedTraits(stores []store) Trait {
	if len(stores) == 0 {
		return 0 // never set here: nothing to go on
	}
	all := inherited
	for _, s := range stores {
		if s.val == nil || s.fn == nil {
			return 0 // a value not followed, or set at package level
		}
		all &= p.Resolver(s.fn).classify(s.val, fieldHop).Traits
		if all == 0 {
			return 0
		}
	}
	return all
}
