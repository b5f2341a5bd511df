package closeorder

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/analysisdoc"
	"github.com/flushcheck/flushcheck/analyzer/internal/flowgraph"
	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
	"github.com/flushcheck/flushcheck/analyzer/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports destinations finished before the writers stacked on
// them.
var Analyzer = &analysis.Analyzer{
	Name:     "closeorder",
	Doc:      analysisdoc.MustExtract(doc, "closeorder"),
	URL:      "https://github.com/flushcheck/flushcheck/blob/main/docs/checks/closeorder.md",
	Run:      run,
	Requires: []*analysis.Analyzer{inspect.Analyzer, flowgraph.Analyzer, knowledge.Analyzer},
}

// checker holds what one pass needs.
type checker struct {
	pass   *analysis.Pass
	info   *types.Info
	pkg    *knowledge.Package
	cfgs   *flowgraph.Graphs
	paths  *paths.Checker
	report *suppress.Reporter
	found  []finding
	seen   map[findingKey]bool
	decls  map[*types.Func]*ast.FuncDecl // this package's functions, built on first use

	pairDests map[*types.Var]bool   // destination fields of knowledge.FieldPairs
	finishers map[*types.Func][]int // per function of the package: the op finishing each parameter, or -1
	carried   map[*types.Var]bool   // writer fields some function leaves written and unfinished, built on first use
}

func run(pass *analysis.Pass) (any, error) {
	cfgs := pass.ResultOf[flowgraph.Analyzer].(*flowgraph.Graphs)
	c := &checker{
		pass:   pass,
		info:   pass.TypesInfo,
		pkg:    pass.ResultOf[knowledge.Analyzer].(*knowledge.Package),
		cfgs:   cfgs,
		paths:  &paths.Checker{Info: pass.TypesInfo, NoReturn: cfgs.NoReturn},
		report: suppress.New(pass),
		seen:   make(map[findingKey]bool),
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	// Outermost functions only: a model covers a function with the
	// literals nested in it, which share its variables.
	ins.Root().Inspect([]ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}, func(fn inspector.Cursor) bool {
		c.checkFunc(fn)
		return false
	})
	c.flush()
	return nil, nil
}

// checkFunc analyzes the outermost function at fn and every function
// literal in it, each on its own control-flow graph.
func (c *checker) checkFunc(fn inspector.Cursor) {
	if d, ok := fn.Node().(*ast.FuncDecl); ok && d.Body == nil {
		return // declared in assembly
	}
	m := c.buildModel(fn)
	if m == nil {
		return // nothing this check could report: the fast path
	}
	c.checkUnit(m, fn)
	for lit := range fn.Preorder((*ast.FuncLit)(nil)) {
		if lit != fn {
			c.checkUnit(m, lit)
		}
	}
}
