package knowledge

import (
	"go/ast"
	"go/types"
	"sync"

	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

// memo keeps what a Package derives from types alone, and the Resolvers
// it has built: the analyzers of the suite ask about the same few writer
// types, and often the same functions, over and over. It is filled on
// demand and safe for the concurrent use of the analyzers sharing the
// Package; everything in it is a pure function of its key, so a value
// computed twice by a race is the same value.
type memo struct {
	mu        sync.Mutex
	static    map[typeKey]staticInfo
	wrappers  map[*types.Package]map[*types.Named]bool // named results of exported wrapping constructors
	resolvers map[ast.Node]*Resolver
	fields    map[*types.Var]Trait // see fieldTraits
	paths     map[fieldPath]Trait  // see pathTraits
}

// typeKey identifies a type for the memo. Type checking makes a new
// *types.Pointer for every *T it meets, so a pointer to a named type is
// keyed by that named type; other types by their identity.
type typeKey struct {
	t   types.Type
	ptr bool
}

func keyOf(t types.Type) typeKey {
	if p, ok := t.(*types.Pointer); ok {
		if n, ok := p.Elem().(*types.Named); ok {
			return typeKey{t: n, ptr: true}
		}
	}
	return typeKey{t: t}
}

// staticInfo is what the type alone says, and, for a type of another
// package, what its imported TypeFact says (fixed once imported).
type staticInfo struct {
	traits   Trait
	lost     string
	row      *Row
	fact     *TypeFact
	imported bool // fact is the imported fact of another package's type
}

// staticInfo returns the memoized static knowledge of t.
func (p *Package) staticInfo(t types.Type) staticInfo {
	return cached(&p.memo.mu, &p.memo.static, keyOf(t), func() staticInfo {
		var s staticInfo
		s.traits, s.lost = staticTraits(t, p.isWrapper)
		s.row = TypeRow(t)
		if n := named(t); n != nil && n.Obj().Pkg() != nil && n.Origin().Obj().Pkg() != p.pass.Pkg {
			s.fact, s.imported = p.TypeFactOf(t), true
		}
		return s
	})
}

// cached returns (*m)[k], computed by compute on a miss. compute runs
// outside the lock: it may ask the memo for other keys, and two
// analyzers computing the same key compute the same value.
func cached[K comparable, V any](mu *sync.Mutex, m *map[K]V, k K, compute func() V) V {
	mu.Lock()
	v, ok := (*m)[k]
	mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	mu.Lock()
	if *m == nil {
		*m = make(map[K]V)
	}
	(*m)[k] = v
	mu.Unlock()
	return v
}

// StaticTraits is the package-level StaticTraits, memoized per type.
func (p *Package) StaticTraits(t types.Type) (Trait, string) {
	if t == nil {
		return 0, ""
	}
	s := p.staticInfo(t)
	return s.traits, s.lost
}

// isWrapper is WrapperType with the constructors of each package found
// once: one walk of a package's scope instead of one per type asked.
func (p *Package) isWrapper(t types.Type) bool {
	n, ok := wrapperCandidate(t)
	if !ok {
		return false
	}
	pkg := n.Obj().Pkg()
	set := cached(&p.memo.mu, &p.memo.wrappers, pkg, func() map[*types.Named]bool { return wrappedTypes(pkg) })
	return set[n]
}

// Resolver returns the Resolver of the function fn (a *ast.FuncDecl or
// *ast.FuncLit), built once and shared by every analyzer asking for the
// same node: a Resolver is not changed after it is built.
func (p *Package) Resolver(fn ast.Node) *Resolver {
	p.memo.mu.Lock()
	r := p.memo.resolvers[fn]
	p.memo.mu.Unlock()
	if r != nil {
		return r
	}
	r = newResolver(p.info, p, fn)
	p.memo.mu.Lock()
	if p.memo.resolvers == nil {
		p.memo.resolvers = make(map[ast.Node]*Resolver)
	}
	if old := p.memo.resolvers[fn]; old != nil {
		r = old // another analyzer built it meanwhile: keep one
	} else {
		p.memo.resolvers[fn] = r
	}
	p.memo.mu.Unlock()
	return r
}

// ReturnsField reports whether a function of the package other than
// the methods of the named type of t returns the error field f as its
// error (Encode's return e.err): an error kept there surfaces to that
// function's caller. A sticky writer's own Flush returning it does not
// count: its callers are the ones discarding it.
func (p *Package) ReturnsField(f *types.Var, t types.Type) bool {
	n := named(t)
	for tn := range p.returnedFields()[f.Origin()] {
		if n == nil || tn != n.Origin().Obj() {
			return true
		}
	}
	return false
}

// returnedFields maps each error field some function returns as its
// error to the receiver types of the methods returning it (nil for a
// function). Computed once, on first use.
func (p *Package) returnedFields() map[*types.Var]map[*types.TypeName]bool {
	p.returnedOnce.Do(func() {
		p.returned = make(map[*types.Var]map[*types.TypeName]bool)
		nodes := p.files.Nodes()
		for _, d := range p.files.Decls() {
			p.noteReturnedFields(d.D, nodes[d.Start:d.End])
		}
	})
	return p.returned
}

// noteReturnedFields notes the error fields the returns of d (its nodes)
// return, with the receiver type of d if it is a method (the returns of
// literals in it included).
func (p *Package) noteReturnedFields(d ast.Decl, nodes []syntax.Node) {
	var recv *types.TypeName
	if fd, ok := d.(*ast.FuncDecl); ok {
		recv = recvTypeName(p.info, fd)
	}
	for _, n := range nodes {
		ret, ok := n.N.(*ast.ReturnStmt)
		if !ok {
			continue
		}
		if v := p.returnedField(ret); v != nil {
			if p.returned[v] == nil {
				p.returned[v] = make(map[*types.TypeName]bool)
			}
			p.returned[v][recv] = true
		}
	}
}

// returnedField returns the error field ret returns as its last result.
func (p *Package) returnedField(ret *ast.ReturnStmt) *types.Var {
	if len(ret.Results) == 0 {
		return nil // a bare return names no field
	}
	sel, ok := ast.Unparen(ret.Results[len(ret.Results)-1]).(*ast.SelectorExpr)
	if !ok || !IsError(p.info.TypeOf(sel)) {
		return nil
	}
	if v, ok := p.info.ObjectOf(sel.Sel).(*types.Var); ok && v.IsField() {
		return v.Origin()
	}
	return nil
}
