package knowledge

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// callers is what the package says of who may call its functions,
// learned in one pass over its uses, directives and interfaces.
type callers struct {
	uses       map[*types.Func][]*ast.Ident // uses of each unexported function of the package
	linknames  map[string]bool              // names of //go:linkname directives
	ifaceNames map[string]bool              // method names the package's interfaces declare
}

// UsesOf returns the uses of fn, an unexported function or method of the
// package, in no particular order.
func (p *Package) UsesOf(fn *types.Func) []*ast.Ident {
	return p.callers().uses[fn.Origin()]
}

// Private reports whether only the package can call fn, and only where
// UsesOf shows it: fn is unexported, named by no //go:linkname directive
// (another package may call it) and, for a method, by no method of an
// interface of the package (a dynamic call may reach it unseen).
func (p *Package) Private(fn *types.Func) bool {
	if fn.Exported() || fn.Pkg() != p.pass.Pkg {
		return false
	}
	c := p.callers()
	if c.linknames[fn.Name()] {
		return false
	}
	return fn.Type().(*types.Signature).Recv() == nil || !c.ifaceNames[fn.Name()]
}

// ResolverAt returns the Resolver of the outermost function around cur,
// or nil at package level.
func (p *Package) ResolverAt(cur inspector.Cursor) *Resolver {
	outer := outermost(cur)
	if outer == nil {
		return nil
	}
	return p.Resolver(outer) // shared with the other checks
}

// callers computes the callers once, on first use.
func (p *Package) callers() *callers {
	p.callersOnce.Do(func() {
		c := &callers{
			uses:       make(map[*types.Func][]*ast.Ident),
			linknames:  make(map[string]bool),
			ifaceNames: make(map[string]bool),
		}
		c.noteUses(p.info, p.pass.Pkg)
		c.noteDefs(p.info)
		for _, f := range p.pass.Files {
			c.noteLinknames(f)
		}
		p.calls = c
	})
	return p.calls
}

func (c *callers) noteUses(info *types.Info, pkg *types.Package) {
	for id, obj := range info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Exported() || fn.Pkg() != pkg {
			continue // not an unexported function of this package
		}
		fn = fn.Origin()
		c.uses[fn] = append(c.uses[fn], id)
	}
}

// noteDefs notes the names of the methods the package's interfaces declare.
func (c *callers) noteDefs(info *types.Info) {
	for _, obj := range info.Defs {
		m, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if recv := m.Type().(*types.Signature).Recv(); recv != nil && types.IsInterface(recv.Type()) {
			c.ifaceNames[m.Name()] = true
		}
	}
}

func (c *callers) noteLinknames(f *ast.File) {
	for _, g := range f.Comments {
		for _, com := range g.List {
			if !strings.HasPrefix(com.Text, "//go:linkname") {
				continue // not a directive
			}
			if fields := strings.Fields(com.Text); len(fields) >= 2 && fields[0] == "//go:linkname" {
				c.linknames[fields[1]] = true
			}
		}
	}
}

// outermost returns the outermost function around cur, or nil at
// package level.
func outermost(cur inspector.Cursor) ast.Node {
	var outer ast.Node
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = fn.Node()
	}
	return outer
}
