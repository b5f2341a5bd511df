package knowledge

import (
	"go/ast"
	"go/types"
)

// learnClosedInterfaces learns the TypeFact of an unexported interface
// type with a Close method whose values can only come from conversions in
// this package: other packages cannot name the type, and no exported
// function or method takes it. When every concrete type converted to it
// has a Close that returns only nil (and commits nothing), so does the
// interface (x/net/websocket's frameWriter). A type assertion to it, or a
// conversion from another interface, leaves its values unknown.
func (p *Package) learnClosedInterfaces() {
	cands := p.closedCandidates()
	if len(cands) == 0 {
		return // the common case, decided without walking the files
	}
	conv := &conversions{p: p, cands: cands, srcs: make(map[*types.TypeName][]types.Type), open: make(map[*types.TypeName]bool)}
	for _, f := range p.pass.Files {
		conv.walk(f)
	}
	for _, tn := range cands {
		if f := conv.fact(tn); f != nil {
			p.typeFacts[tn] = f
		}
	}
}

// closedCandidates returns the package's unexported interface types with
// Close() error that no exported function, method or field exposes to
// other packages as a place to put a value.
func (p *Package) closedCandidates() []*types.TypeName {
	scope := p.pass.Pkg.Scope()
	var cands []*types.TypeName
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if ok && !tn.Exported() && !tn.IsAlias() && types.IsInterface(tn.Type()) && HasErrorMethod(tn.Type(), "Close") {
			cands = append(cands, tn)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	var kept []*types.TypeName
	for _, tn := range cands {
		if !p.exposed(tn.Type()) {
			kept = append(kept, tn)
		}
	}
	return kept
}

// exposed reports whether another package can hand the package a value
// of type t: an exported function or method taking it, or an exported
// struct field of that type.
func (p *Package) exposed(t types.Type) bool {
	scope := p.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.Exported() && takes(obj, t) {
				return true
			}
		case *types.TypeName:
			if exposedBy(obj.Type(), t) {
				return true
			}
		}
	}
	return false
}

// exposedBy reports whether named type n has an exported method taking t
// or an exported field of type t.
func exposedBy(n types.Type, t types.Type) bool {
	if nt, ok := types.Unalias(n).(*types.Named); ok {
		for m := range nt.Methods() {
			if m.Exported() && takes(m, t) {
				return true
			}
		}
	}
	switch u := n.Underlying().(type) {
	case *types.Interface:
		for m := range u.Methods() {
			if m.Exported() && takes(m, t) {
				return true
			}
		}
	case *types.Struct:
		for f := range u.Fields() {
			if f.Exported() && types.Identical(f.Type(), t) {
				return true
			}
		}
	}
	return false
}

func takes(fn *types.Func, t types.Type) bool {
	params := fn.Type().(*types.Signature).Params()
	for v := range params.Variables() {
		if types.Identical(v.Type(), t) {
			return true
		}
	}
	return false
}

// conversions collects the concrete types converted to candidate
// interfaces in the package.
type conversions struct {
	p     *Package
	cands []*types.TypeName
	srcs  map[*types.TypeName][]types.Type
	open  map[*types.TypeName]bool // a value of unknown dynamic type can reach it
}

// fact returns the candidate's fact, or nil when its implementations are
// not all known to have a Close that returns only nil.
func (c *conversions) fact(tn *types.TypeName) *TypeFact {
	if c.open[tn] || len(c.srcs[tn]) == 0 {
		return nil
	}
	f := &TypeFact{Add: NilClose, Drop: Buffered | Finalizing}
	for _, t := range c.srcs[tn] {
		impl := c.p.TypeFactOf(t)
		if impl == nil || !impl.Add.Has(NilClose) {
			return nil
		}
		f.Drop &= impl.Drop
	}
	return f
}

// note records a value of type src (nil: the nil constant) put where a
// value of type dst goes.
func (c *conversions) note(dst, src types.Type, isNil bool) {
	for _, tn := range c.cands {
		if dst == nil || !types.Identical(dst, tn.Type()) || isNil {
			continue
		}
		switch {
		case src == nil:
			c.open[tn] = true
		case types.Identical(src, tn.Type()):
			// the same interface: no new dynamic type
		case types.IsInterface(src):
			c.open[tn] = true // another interface or a type parameter
		default:
			c.srcs[tn] = append(c.srcs[tn], src)
		}
	}
}

func (c *conversions) noteExpr(dst types.Type, e ast.Expr) {
	tv := c.p.info.Types[e]
	c.note(dst, tv.Type, tv.IsNil())
}

// noteAll pairs destinations with values, spreading a call's results.
func (c *conversions) noteAll(dsts []types.Type, vals []ast.Expr) {
	if len(vals) == 1 && len(dsts) > 1 {
		if tuple, ok := c.p.info.TypeOf(vals[0]).(*types.Tuple); ok {
			for i := range min(tuple.Len(), len(dsts)) {
				c.note(dsts[i], tuple.At(i).Type(), false)
			}
		}
		return
	}
	for i := range min(len(dsts), len(vals)) {
		c.noteExpr(dsts[i], vals[i])
	}
}

// walk visits every place of a file where a value is converted.
func (c *conversions) walk(f *ast.File) {
	var sigs []*types.Signature
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			switch stack[len(stack)-1].(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				sigs = sigs[:len(sigs)-1]
			}
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			var sig *types.Signature
			if obj := c.p.info.Defs[n.Name]; obj != nil {
				sig, _ = obj.Type().(*types.Signature)
			}
			sigs = append(sigs, sig)
		case *ast.FuncLit:
			sig, _ := c.p.info.TypeOf(n).(*types.Signature)
			sigs = append(sigs, sig)
		case *ast.ReturnStmt:
			if len(sigs) > 0 && sigs[len(sigs)-1] != nil {
				c.noteAll(varTypes(sigs[len(sigs)-1].Results()), n.Results)
			}
		default:
			c.visit(n)
		}
		return true
	})
}

// visit notes the conversions of one node other than a return.
func (c *conversions) visit(n ast.Node) {
	info := c.p.info
	switch n := n.(type) {
	case *ast.AssignStmt:
		c.noteAll(exprTypes(info, n.Lhs), n.Rhs)
	case *ast.ValueSpec:
		if n.Type != nil {
			dsts := make([]types.Type, len(n.Names))
			for i := range dsts {
				dsts[i] = info.TypeOf(n.Type)
			}
			c.noteAll(dsts, n.Values)
		}
	case *ast.CallExpr:
		c.visitCall(n)
	case *ast.CompositeLit:
		c.visitLit(n)
	case *ast.SendStmt:
		if ch, ok := info.TypeOf(n.Chan).Underlying().(*types.Chan); ok {
			c.noteExpr(ch.Elem(), n.Value)
		}
	case *ast.TypeAssertExpr:
		if n.Type != nil {
			c.note(info.TypeOf(n.Type), nil, false) // any dynamic type may pass
		}
	case *ast.CaseClause:
		for _, e := range n.List {
			if info.Types[e].IsType() {
				c.note(info.TypeOf(e), nil, false) // a type switch case
			}
		}
	case *ast.RangeStmt:
		if n.Value != nil {
			c.note(info.TypeOf(n.Value), nil, false) // range into an existing variable: rare, unknown
		}
	}
}

func (c *conversions) visitCall(call *ast.CallExpr) {
	info := c.p.info
	if info.Types[call.Fun].IsType() && len(call.Args) == 1 {
		c.noteExpr(info.TypeOf(call.Fun), call.Args[0]) // frameWriter(x)
		return
	}
	sig, ok := info.TypeOf(call.Fun).(*types.Signature)
	if !ok || call.Ellipsis.IsValid() {
		return // a builtin without signature, or a spread slice
	}
	dsts := make([]types.Type, len(call.Args))
	for i := range dsts {
		dsts[i] = paramAt(sig, i)
	}
	c.noteAll(dsts, call.Args)
}

func (c *conversions) visitLit(lit *ast.CompositeLit) {
	t := c.p.info.TypeOf(lit)
	if t == nil {
		return
	}
	for i, e := range lit.Elts {
		switch u := t.Underlying().(type) {
		case *types.Struct:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				c.noteExpr(fieldType(c.p.info, kv.Key), kv.Value)
			} else if i < u.NumFields() {
				c.noteExpr(u.Field(i).Type(), e)
			}
		case *types.Slice:
			c.noteExpr(u.Elem(), valueOf(e))
		case *types.Array:
			c.noteExpr(u.Elem(), valueOf(e))
		case *types.Map:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				c.noteExpr(u.Key(), kv.Key)
				c.noteExpr(u.Elem(), kv.Value)
			}
		}
	}
}

// fieldType returns the type of the field a struct literal's key names.
func fieldType(info *types.Info, key ast.Expr) types.Type {
	id, ok := key.(*ast.Ident)
	if !ok {
		return nil
	}
	if v, ok := info.ObjectOf(id).(*types.Var); ok {
		return v.Type()
	}
	return nil
}

func valueOf(e ast.Expr) ast.Expr {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		return kv.Value
	}
	return e
}

func varTypes(t *types.Tuple) []types.Type {
	ts := make([]types.Type, t.Len())
	for i := range ts {
		ts[i] = t.At(i).Type()
	}
	return ts
}

func exprTypes(info *types.Info, es []ast.Expr) []types.Type {
	ts := make([]types.Type, len(es))
	for i, e := range es {
		ts[i] = info.TypeOf(e)
	}
	return ts
}
