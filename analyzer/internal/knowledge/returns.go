package knowledge

import (
	"go/ast"
	"go/types"
)

// Returns is the fact that every value a function returns as its first
// result, of an interface type with Write, has these traits taken from
// destinations (Infallible, StdStream, Pipe): fasthttputil's
// (*PipeConns).Conn1 returns a net.Conn that is always one end of its
// in-memory pipe.
type Returns struct {
	Traits Trait
}

// AFact marks Returns as an analysis fact.
func (*Returns) AFact() {}

func (f *Returns) String() string {
	names := []string{}
	for _, n := range []struct {
		t    Trait
		name string
	}{{Infallible, "infallible"}, {StdStream, "standard stream"}, {Pipe, "pipe"}} {
		if f.Traits.Has(n.t) {
			names = append(names, n.name)
		}
	}
	s := "returns"
	for _, n := range names {
		s += " " + n
	}
	return s
}

// learnReturns learns the Returns facts of the package's functions from
// their return statements, in source order, and exports them.
func (p *Package) learnReturns(decls []*ast.FuncDecl) {
	for _, d := range decls {
		fn, ok := p.info.Defs[d.Name].(*types.Func)
		if !ok {
			continue
		}
		res := firstResult(fn)
		if res == nil || !types.IsInterface(res) || !HasWrite(res) {
			continue // a concrete type says what it is; or not a writer
		}
		if t := p.returnedTraits(d); t != 0 {
			p.returns[fn] = t
			p.pass.ExportObjectFact(fn, &Returns{Traits: t})
		}
	}
}

// returnedTraits returns the traits every first result of d's returns
// has, or 0.
func (p *Package) returnedTraits(d *ast.FuncDecl) Trait {
	r := p.Resolver(d)
	all := inherited
	ok := p.everyReturn(d, func(ret *ast.ReturnStmt) bool {
		if len(ret.Results) == 0 {
			return false // named results: not followed
		}
		all &= r.Classify(ret.Results[0]).Traits
		return all != 0
	})
	if !ok {
		return 0
	}
	return all
}

// resultTraits returns what a Returns fact says of fn's first result.
func (p *Package) resultTraits(fn *types.Func) Trait {
	fn = fn.Origin()
	if fn.Pkg() == p.pass.Pkg {
		return p.returns[fn]
	}
	var f Returns
	if fn.Pkg() == nil || !p.pass.ImportObjectFact(fn, &f) {
		return 0
	}
	return f.Traits
}
