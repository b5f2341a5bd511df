package knowledge

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

// FieldPair is a struct field holding a writer made over the destination
// held in another field of the same struct: c.bw = bufio.NewWriter(c.conn)
// anywhere in the package, or &T{conn: conn, bw: bufio.NewWriter(conn)}.
type FieldPair struct {
	Writer *types.Var // the writer field (its origin, for generic types)
	Dest   *types.Var // the destination field
	At     ast.Node   // the assignment or composite literal pairing them
}

// FieldPairs returns the field pairs of the package, keyed by writer
// field, for writers that hold data until finished (Buffered or
// Finalizing). It is computed once, on first use, and safe for
// concurrent use by the analyzers that share the Package.
func (p *Package) FieldPairs() map[*types.Var]FieldPair {
	p.pairsOnce.Do(func() {
		p.pairs = make(map[*types.Var]FieldPair)
		nodes := p.files.Nodes()
		for _, d := range p.files.Decls() {
			p.localPairs(nodes[d.Start:d.End]) // one declaration at a time
		}
	})
	return p.pairs
}

// fieldSet is one field of one struct type, set in a function.
type fieldSet struct {
	typ   types.Type // the struct (or named) type holding the field
	field *types.Var
	at    ast.Node
}

// localPairs finds the pairs of one declaration, given by its nodes: those made in one
// assignment or literal, and those made through a local variable of a
// function: t := &T{conn: conn}; t.bw = bufio.NewWriter(conn), or
// t.conn = conn beside &T{bw: bufio.NewWriter(conn)}.
func (p *Package) localPairs(decl []syntax.Node) {
	from := make(map[*types.Var][]fieldSet) // fields set to the local itself
	var wraps []struct {
		fieldSet
		v *types.Var // fields set to a writer made over the local
	}
	note := func(typ types.Type, field types.Object, val ast.Expr, at ast.Node) {
		f, ok := field.(*types.Var)
		if !ok || !f.IsField() || typ == nil {
			return
		}
		fs := fieldSet{typ: deref(typ), field: f.Origin(), at: at}
		if v := localVar(p.info, stripAddr(val)); v != nil {
			from[v] = append(from[v], fs)
		} else if v := localVar(p.info, stripAddr(p.wrappedArg(val))); v != nil {
			wraps = append(wraps, struct {
				fieldSet
				v *types.Var
			}{fs, v})
		}
	}
	for _, node := range decl {
		switch n := node.N.(type) {
		case *ast.AssignStmt:
			p.assignPairs(n)
			if len(n.Lhs) != len(n.Rhs) {
				break
			}
			for i, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
					note(p.info.TypeOf(sel.X), p.info.ObjectOf(sel.Sel), n.Rhs[i], n)
				}
			}
		case *ast.CompositeLit:
			p.literalPairs(n)
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok {
						note(p.info.TypeOf(n), p.info.ObjectOf(key), kv.Value, n)
					}
				}
			}
		}
	}
	for _, w := range wraps {
		for _, d := range from[w.v] {
			if d.field != w.field && types.Identical(d.typ, w.typ) {
				if _, known := p.pairs[w.field]; !known {
					p.pairs[w.field] = FieldPair{Writer: w.field, Dest: d.field, At: w.at}
				}
			}
		}
	}
}

func deref(t types.Type) types.Type {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		return ptr.Elem()
	}
	return t
}

func stripAddr(e ast.Expr) ast.Expr {
	if e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

func (p *Package) assignPairs(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		w, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		d, ok := ast.Unparen(p.wrappedArg(as.Rhs[i])).(*ast.SelectorExpr)
		if !ok || !refs.Same(p.info, w.X, d.X) {
			continue // not over a field of the same struct value
		}
		p.addPair(p.info.ObjectOf(w.Sel), p.info.ObjectOf(d.Sel), as)
	}
}

func (p *Package) literalPairs(lit *ast.CompositeLit) {
	values := make(map[types.Object]ast.Expr)
	var keys []types.Object // in source order, for a deterministic result
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok {
			if obj := p.info.ObjectOf(key); obj != nil {
				values[obj] = kv.Value
				keys = append(keys, obj)
			}
		}
	}
	for _, wf := range keys {
		arg := p.wrappedArg(values[wf])
		if arg == nil {
			continue
		}
		for _, df := range keys {
			if df != wf && refs.Same(p.info, arg, values[df]) {
				p.addPair(wf, df, lit)
			}
		}
	}
}

func (p *Package) addPair(w, d types.Object, at ast.Node) {
	wf, ok1 := w.(*types.Var)
	df, ok2 := d.(*types.Var)
	if ok1 && ok2 && wf.IsField() && df.IsField() {
		p.pairs[wf.Origin()] = FieldPair{Writer: wf.Origin(), Dest: df.Origin(), At: at}
	}
}

// wrappedArg returns the destination argument of a call that makes a
// writer holding data until it is finished (bufio.NewWriter(x),
// gzip.NewWriter(x)), or nil.
func (p *Package) wrappedArg(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(p.info, call).(*types.Func)
	if fn == nil || WriterParam(fn) < 0 {
		return nil // takes no writer to wrap: the common case, decided cheaply
	}
	r := newResolver(p.info, p, call)
	if r.Classify(call).Traits&(Buffered|Finalizing) == 0 {
		return nil
	}
	return r.Underlying(call)
}
