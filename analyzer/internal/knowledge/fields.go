package knowledge

import (
	"go/ast"
	"go/types"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
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
		for _, f := range p.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					p.assignPairs(n)
				case *ast.CompositeLit:
					p.literalPairs(n)
				}
				return true
			})
		}
	})
	return p.pairs
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
	r := newResolver(p.info, p, call)
	if r.Classify(call).Traits&(Buffered|Finalizing) == 0 {
		return nil
	}
	return r.Underlying(call)
}
