package unflushed

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

// Finishes is the fact that a function flushes or closes the writers
// passed as some of its parameters, so that passing a writer to it
// finishes the writer: func finish(bw *bufio.Writer) error { return bw.Flush() }.
type Finishes struct {
	Params []int // indexes of the parameters it finishes
}

// AFact marks Finishes as an analysis fact.
func (*Finishes) AFact() {}

func (f *Finishes) String() string { return fmt.Sprintf("finishes%v", f.Params) }

func (f *Finishes) has(i int) bool {
	for _, p := range f.Params {
		if p == i {
			return true
		}
	}
	return false
}

// finishersAnalyzer learns the Finishes facts. It is apart from
// Analyzer so that only it runs on the dependencies of the packages
// checked: a fact analyzer runs wherever facts are needed, and unflushed's
// own search there would be thrown away.
var finishersAnalyzer = &analysis.Analyzer{
	Name:       "unflushedfacts",
	Doc:        "learns which functions flush or close a writer passed to them (for unflushed)",
	Run:        learnFinishers,
	FactTypes:  []analysis.Fact{new(Finishes)},
	ResultType: reflect.TypeFor[*finishers](),
}

// finishers answers which functions finish a writer parameter: this
// package's from its own search, others' from their facts.
type finishers struct {
	pass  *analysis.Pass
	local map[*types.Func]*Finishes // finisher facts of this package
}

// finishesParam reports whether fn finishes its parameter i, by this
// package's facts or an imported one.
func (c *finishers) finishesParam(fn *types.Func, i int) bool {
	fn = fn.Origin()
	if f := c.local[fn]; f != nil {
		return f.has(i)
	}
	if fn.Pkg() == c.pass.Pkg {
		return false
	}
	var f Finishes
	return c.pass.ImportObjectFact(fn, &f) && f.has(i)
}

// learnFinishers finds the functions of the package that finish a
// writer parameter, repeating while new ones appear (a finisher may call
// another), and exports them as facts.
func learnFinishers(pass *analysis.Pass) (any, error) {
	c := &finishers{pass: pass, local: make(map[*types.Func]*Finishes)}
	var decls []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok && d.Body != nil {
				decls = append(decls, d)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
			if !ok || c.local[fn] != nil {
				continue
			}
			if ps := c.finishedParams(d, fn); len(ps) > 0 {
				c.local[fn] = &Finishes{Params: ps}
				changed = true
			}
		}
	}
	for fn, f := range c.local {
		c.pass.ExportObjectFact(fn, f)
	}
	return c, nil
}

// finishedParams returns the indexes of fn's writer parameters that the
// body finishes: p.Flush(), p.Close(), or passing p to a finisher.
func (c *finishers) finishedParams(d *ast.FuncDecl, fn *types.Func) []int {
	params := fn.Type().(*types.Signature).Params()
	var ps []int
	for i := range params.Len() {
		p := params.At(i)
		if c.finishesVar(d.Body, p) {
			ps = append(ps, i)
		}
	}
	return ps
}

func (c *finishers) finishesVar(body *ast.BlockStmt, p *types.Var) bool {
	traits, _ := knowledge.StaticTraits(p.Type())
	if !finishable(p.Type(), traits) {
		return false // a connection or file: its Close finishes no writer
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		found = c.finishCallOn(call, p, traits)
		return !found
	})
	return found
}

// finishCallOn reports whether call finishes p.
func (c *finishers) finishCallOn(call *ast.CallExpr, p *types.Var, traits knowledge.Trait) bool {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.isVar(sel.X, p) {
		switch sel.Sel.Name {
		case "Close":
			return true
		case "Flush":
			return !traits.Has(knowledge.Finalizing) // a gzip Flush writes no footer
		}
		return false
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return false
	}
	for i, arg := range call.Args {
		if c.isVar(arg, p) && c.finishesParam(fn, i) {
			return true
		}
	}
	return false
}

func (c *finishers) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == v
}

// finishable reports whether a parameter of type t can hold a writer
// that must be finished: a buffered or finalizing type, or an interface
// with Flush or Close that is not a reader (io.WriteCloser, io.Closer,
// interface{ Flush() error }: a writer passed as one is finished by the
// call, whether or not the interface can write).
func finishable(t types.Type, traits knowledge.Trait) bool {
	if traits&(knowledge.Conn|knowledge.Endpoint|knowledge.Response) != 0 {
		return false
	}
	if traits&(knowledge.Buffered|knowledge.Finalizing) != 0 {
		return true
	}
	return types.IsInterface(t) && !knowledge.HasRead(t) &&
		(knowledge.HasErrorMethod(t, "Flush") || knowledge.HasErrorMethod(t, "Close"))
}
