// Package flowgraph gives the checks control-flow graphs and no-return facts,
// as x/tools' ctrlflow pass does, at a fraction of its cost: ctrlflow
// builds the graph of every function of every package up front and keeps
// them all to the end of the run, while the checks need the graphs of
// the few functions that handle a writer. Here a graph is built when a
// check first asks for it, and the no-return fact of a function whose
// body holds nothing that can stop a path (most functions) is decided
// without one.
//
// The facts are ctrlflow's (a test compares them on std packages): a
// function never returns when no path through its graph reaches a return
// or the end of its body, with the calls that never return (panic,
// os.Exit, log.Fatal, t.Fatal, helpers that call them) cutting their
// paths.
package flowgraph

import (
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

// Analyzer computes the no-return facts of a package's functions and
// hands the checks a *Graphs.
var Analyzer = &analysis.Analyzer{
	Name:       "flowgraph",
	Doc:        "control-flow graphs built on demand and no-return facts",
	Run:        run,
	ResultType: reflect.TypeFor[*Graphs](),
	FactTypes:  []analysis.Fact{new(noReturn)},
	Requires:   []*analysis.Analyzer{syntax.Analyzer},
}

// noReturn marks a function no call of which returns.
type noReturn struct{}

func (*noReturn) AFact()         {}
func (*noReturn) String() string { return "noReturn" }

// Graphs builds and keeps the control-flow graphs of one package's
// functions. It is safe for concurrent use: the checks of a package run
// side by side.
type Graphs struct {
	mu       sync.Mutex
	info     *types.Info
	files    *syntax.Files
	decls    map[*types.Func]*decl
	lits     map[*ast.FuncLit]*cfg.CFG
	noReturn map[*types.Func]bool // of this package and, from facts, of its dependencies
}

// decl is a function declared in the package.
type decl struct {
	node    *ast.FuncDecl
	g       *cfg.CFG // built on demand
	started bool     // deciding its fact: breaks cycles of calls
}

func run(pass *analysis.Pass) (any, error) {
	g := &Graphs{
		info:     pass.TypesInfo,
		files:    pass.ResultOf[syntax.Analyzer].(*syntax.Files),
		decls:    make(map[*types.Func]*decl),
		lits:     make(map[*ast.FuncLit]*cfg.CFG),
		noReturn: make(map[*types.Func]bool),
	}
	for _, f := range pass.AllObjectFacts() {
		if fn, ok := f.Object.(*types.Func); ok {
			g.noReturn[fn] = true
		}
	}
	var order []*types.Func
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue // not a function
			}
			if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				g.decls[fn] = &decl{node: fd}
				order = append(order, fn)
			}
		}
	}
	for _, fn := range order {
		if g.decide(fn, g.decls[fn]) {
			pass.ExportObjectFact(fn, new(noReturn))
		}
	}
	return g, nil
}

// decide computes whether fn, declared in the package, never returns,
// and records it. The caller holds mu or owns g.
func (g *Graphs) decide(fn *types.Func, d *decl) bool {
	if d.started {
		return g.noReturn[fn] // decided, or a cycle: broken as ctrlflow does
	}
	d.started = true
	nr, known := intrinsic(fn)
	switch {
	case known:
	case d.node.Body == nil:
		nr = false // assembly or linkname: assumed to return
	case g.fallsOff(d.node):
		nr = false
	default:
		d.g = cfg.New(d.node.Body, g.mayReturn)
		nr = d.g.NoReturn()
	}
	if nr {
		g.noReturn[fn] = true
	}
	return nr
}

// FuncDecl returns the control-flow graph of a declared function, or nil
// if it has no body.
func (g *Graphs) FuncDecl(fd *ast.FuncDecl) *cfg.CFG {
	if fd.Body == nil {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	fn, _ := g.info.Defs[fd.Name].(*types.Func)
	d := g.decls[fn]
	if d == nil {
		return cfg.New(fd.Body, g.mayReturn) // type information incomplete
	}
	if d.g == nil {
		d.g = cfg.New(fd.Body, g.mayReturn)
	}
	return d.g
}

// FuncLit returns the control-flow graph of a function literal.
func (g *Graphs) FuncLit(lit *ast.FuncLit) *cfg.CFG {
	g.mu.Lock()
	defer g.mu.Unlock()
	c, ok := g.lits[lit]
	if !ok {
		c = cfg.New(lit.Body, g.mayReturn)
		g.lits[lit] = c
	}
	return c
}

// Func returns the control-flow graph of a function declaration or
// literal, or nil for a declaration without body or any other node.
func (g *Graphs) Func(n ast.Node) *cfg.CFG {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return g.FuncDecl(n)
	case *ast.FuncLit:
		return g.FuncLit(n)
	}
	return nil
}

// Decl returns the declaration of fn, a function or method declared in
// the package (not an instance of a generic one), or nil. The map it
// reads is not changed after the pass, so it takes no lock.
func (g *Graphs) Decl(fn *types.Func) *ast.FuncDecl {
	if d := g.decls[fn]; d != nil {
		return d.node
	}
	return nil
}

// NoReturn reports whether a call of fn never returns. It knows the
// functions of the package and, by their facts, those of its
// dependencies.
func (g *Graphs) NoReturn(fn *types.Func) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.noReturn[fn]
}

// mayReturn tells the graph builder whether a call can return. The
// caller holds mu (or, during the pass, owns g).
func (g *Graphs) mayReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && g.info.Uses[id] == panicBuiltin {
		return false
	}
	fn := typeutil.StaticCallee(g.info, call)
	if fn == nil {
		return true // a dynamic call: assume it returns
	}
	if d, ok := g.decls[fn]; ok {
		return !g.decide(fn, d)
	}
	return !g.noReturn[fn]
}

var panicBuiltin = types.Universe.Lookup("panic")
