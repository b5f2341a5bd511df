package knowledge

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"
)

// TypeFact is what the method bodies of a named type say about its
// values as writers, learned in the package that declares the type and
// read wherever the type is used.
type TypeFact struct {
	// Add are traits the bodies prove: NilClose (Close returns only the
	// constant nil), Infallible (Write returns only a nil error and calls
	// nothing), Pipe (an in-process pipe, see inProcessPipe), Conn (Close
	// hands closing on to a connection it holds, see closesConn), Sticky
	// (Write and Flush return a kept error field first, and the type
	// keeps its writes' errors in it).
	Add Trait
	// Drop are the traits structure would guess that the bodies refute:
	// Buffered|Finalizing when Close and Flush commit nothing.
	Drop Trait
	// Via is the path of fields from a value of the type to the sticky
	// writer that every data-committing call of its methods writes to
	// ("w.W" for textproto's dotWriter): its errors stay in that writer.
	Via string
	// Err is the path of the error field a Sticky type keeps its first
	// error in ("e.err" for image/gif's blockWriter).
	Err string
}

// AFact marks TypeFact as an analysis fact.
func (*TypeFact) AFact() {}

func (f *TypeFact) String() string {
	var parts []string
	for _, n := range []struct {
		t    Trait
		name string
	}{{NilClose, "nilclose"}, {Infallible, "infallible"}, {Pipe, "pipe"}, {Conn, "conn"}, {Sticky, "sticky"}} {
		if f.Add.Has(n.t) {
			parts = append(parts, n.name)
		}
	}
	if f.Drop != 0 {
		parts = append(parts, "inert")
	}
	if f.Via != "" {
		parts = append(parts, "via "+f.Via)
	}
	if f.Err != "" {
		parts = append(parts, "err "+f.Err)
	}
	return "writer " + strings.Join(parts, " ")
}

func (f *TypeFact) empty() bool { return f.Add == 0 && f.Drop == 0 && f.Via == "" && f.Err == "" }

// FlushesSelf is the fact that a method of a writer type ends by
// returning the result of the type's own Flush (webdav's xml
// Encoder.Encode): a value written only through such methods is finished.
type FlushesSelf struct{}

// AFact marks FlushesSelf as an analysis fact.
func (*FlushesSelf) AFact() {}

func (*FlushesSelf) String() string { return "flushes itself" }

// TypeFactOf returns what is known of the named type of t (or of what t
// points to) from its method bodies, or nil.
func (p *Package) TypeFactOf(t types.Type) *TypeFact {
	n := named(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	obj := n.Origin().Obj()
	if f, ok := p.typeFacts[obj]; ok {
		return f
	}
	if obj.Pkg() == p.pass.Pkg {
		return nil // this package's type, learned nothing
	}
	f := new(TypeFact)
	if !p.pass.ImportObjectFact(obj, f) {
		return nil
	}
	return f
}

// adjust applies what the bodies of t's methods say to v; a table type
// is known exactly and left alone.
func (p *Package) adjust(v Value, t types.Type, s staticInfo) Value {
	if s.row != nil {
		return v
	}
	f := s.fact
	if !s.imported {
		f = p.TypeFactOf(t) // this package's type: learned while run goes on
	}
	if f == nil {
		return v
	}
	v.Traits = v.Traits&^f.Drop | f.Add
	return v
}

// typeTraits returns what the type t and the bodies of its methods say
// of any value of it, wherever the value comes from.
func (p *Package) typeTraits(t types.Type) Trait {
	if t == nil {
		return 0
	}
	s := p.staticInfo(t)
	return p.adjust(Value{Traits: s.traits}, t, s).Traits
}

// FinishesReceiver reports whether call is a method known by a fact to
// end by returning its receiver's own Flush: it writes and finishes.
func (p *Package) FinishesReceiver(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := p.info.ObjectOf(sel.Sel).(*types.Func)
	if !ok {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == p.pass.Pkg {
		return p.flushesSelf[fn]
	}
	return fn.Pkg() != nil && p.pass.ImportObjectFact(fn, new(FlushesSelf))
}

// StickyVia returns the field holding the sticky writer that every write
// of t's methods goes to, or nil.
func (p *Package) StickyVia(t types.Type) *types.Var {
	f := p.TypeFactOf(t)
	if f == nil || f.Via == "" {
		return nil
	}
	return fieldAt(t, f.Via)
}

// fieldAt returns the field a path of field names leads to from t.
func fieldAt(t types.Type, path string) *types.Var {
	var field *types.Var
	for _, name := range strings.Split(path, ".") {
		n := named(t)
		if n == nil {
			return nil
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, n.Obj().Pkg(), name)
		v, ok := obj.(*types.Var)
		if !ok || !v.IsField() {
			return nil // the path does not resolve: a changed type
		}
		field, t = v, v.Type()
	}
	return field
}

// StickyErr returns the error field that the sticky type t keeps its
// first error in, or nil.
func (p *Package) StickyErr(t types.Type) *types.Var {
	f := p.TypeFactOf(t)
	if f == nil || f.Err == "" {
		return nil
	}
	return fieldAt(t, f.Err)
}

// learnTypes learns the TypeFacts of the package's named types from the
// bodies of their methods, and the FlushesSelf facts of their methods,
// and exports them.
func (p *Package) learnTypes(decls []*ast.FuncDecl) {
	byType := make(map[*types.TypeName][]*ast.FuncDecl)
	declOf := make(map[*types.Func]*ast.FuncDecl)
	for _, d := range decls {
		if tn := recvTypeName(p.info, d); tn != nil {
			byType[tn] = append(byType[tn], d)
			if fn, ok := p.info.Defs[d.Name].(*types.Func); ok {
				declOf[fn] = d
			}
		}
	}
	names := make([]*types.TypeName, 0, len(byType))
	for tn := range byType {
		names = append(names, tn)
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Pos() < names[j].Pos() })
	for _, tn := range names {
		m := &methods{p: p, tn: tn, decls: byType[tn], declOf: declOf}
		if f := m.fact(); !f.empty() {
			p.typeFacts[tn] = f
		}
		m.learnFlushesSelf()
	}
	p.learnClosedInterfaces()
	for tn, f := range p.typeFacts {
		p.pass.ExportObjectFact(tn, f)
	}
	for fn := range p.flushesSelf {
		p.pass.ExportObjectFact(fn, new(FlushesSelf))
	}
}

// recvTypeName returns the named type whose method d declares.
func recvTypeName(info *types.Info, d *ast.FuncDecl) *types.TypeName {
	if d.Recv == nil {
		return nil
	}
	fn, ok := info.Defs[d.Name].(*types.Func)
	if !ok {
		return nil
	}
	n := named(fn.Type().(*types.Signature).Recv().Type())
	if n == nil {
		return nil
	}
	return n.Origin().Obj()
}

// methods are the method declarations of one named type of the package.
type methods struct {
	p      *Package
	tn     *types.TypeName
	decls  []*ast.FuncDecl
	declOf map[*types.Func]*ast.FuncDecl // every method declared in the package
}

// decl returns the declaration of the method of that name declared on
// the type itself, or nil.
func (m *methods) decl(name string) *ast.FuncDecl {
	for _, d := range m.decls {
		if d.Name.Name == name {
			return d
		}
	}
	return nil
}

// fact is what the bodies of Close, Flush and Write say of the type.
func (m *methods) fact() *TypeFact {
	f := new(TypeFact)
	t := types.NewPointer(m.tn.Type()) // the method set of *T holds T's too
	closeFn, flushFn := m.finisher(t, "Close"), m.finisher(t, "Flush")
	if closeFn != nil && closeFn.nilResult {
		f.Add |= NilClose
	}
	if (closeFn != nil || flushFn != nil) && (closeFn == nil || closeFn.inert) && (flushFn == nil || flushFn.inert) {
		f.Drop |= Buffered | Finalizing // finishing it commits nothing
	}
	if m.infallible(t, closeFn, flushFn) {
		f.Add |= Infallible
	}
	if m.inProcessPipe(t) {
		f.Add |= Pipe
	}
	if m.closesConn(t) {
		f.Add |= Conn
	}
	if c := m.sticky(t); c != "" {
		f.Add |= Sticky
		f.Err = c
	}
	f.Via = m.via(t)
	return f
}

// infallible reports whether t's Write cannot fail, and neither can its
// Close and Flush, if it has them: an in-memory writer that commits on
// Close (an upload) is not infallible.
func (m *methods) infallible(t types.Type, closeFn, flushFn *finisherBody) bool {
	w := m.decl("Write")
	if w == nil || !HasWrite(t) || !m.p.infallibleWrite(w) {
		return false
	}
	return (closeFn == nil || closeFn.nilResult) && (flushFn == nil || flushFn.nilResult)
}

// finisherBody is what the body of a Close or Flush method says.
type finisherBody struct {
	nilResult bool // every return returns the constant nil
	inert     bool // and it calls nothing: it commits no data
}

// finisher describes t's method name() error, declared here or promoted
// from an embedded type of another package (by that type's fact), or
// returns nil when t has none or nothing is known of it.
func (m *methods) finisher(t types.Type, name string) *finisherBody {
	if !HasErrorMethod(t, name) {
		return nil
	}
	if d := m.decl(name); d != nil {
		nilRes := m.p.returnsOnlyNil(d)
		return &finisherBody{nilResult: nilRes, inert: nilRes && callsNothing(m.p.info, d.Body)}
	}
	fn := method(t, name)
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil || named(recv.Type()) == nil || named(recv.Type()).Obj() == m.tn {
		return &finisherBody{} // an interface's method, or unknown
	}
	inner := m.p.TypeFactOf(recv.Type())
	if inner == nil {
		return &finisherBody{}
	}
	return &finisherBody{nilResult: name == "Close" && inner.Add.Has(NilClose), inert: inner.Drop != 0}
}
