package closeorder

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/internal/analysisdoc"
	"github.com/flushcheck/flushcheck/analyzer/internal/flowgraph"
	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
	"github.com/flushcheck/flushcheck/analyzer/internal/suppress"
	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
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
	Requires: []*analysis.Analyzer{syntax.Analyzer, flowgraph.Analyzer, knowledge.Analyzer},
}

// checker holds what one pass needs.
type checker struct {
	pass   *analysis.Pass
	info   *types.Info
	pkg    *knowledge.Package
	cfgs   *flowgraph.Graphs
	files  *syntax.Files
	paths  *paths.Checker
	report *suppress.Reporter
	found  []finding
	seen   map[findingKey]bool

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
		files:  pass.ResultOf[syntax.Analyzer].(*syntax.Files),
		paths:  &paths.Checker{Info: pass.TypesInfo, NoReturn: cfgs.NoReturn},
		report: suppress.New(pass),
		seen:   make(map[findingKey]bool),
	}
	// Outermost functions only: a model covers a function with the
	// literals nested in it, which share its variables.
	for i, f := range c.files.Funcs() {
		if f.Outer < 0 {
			c.checkFunc(int32(i))
		}
	}
	c.flush()
	return nil, nil
}

// checkFunc analyzes the outermost function i and every function
// literal in it, each on its own control-flow graph.
func (c *checker) checkFunc(i int32) {
	fn := c.files.Funcs()[i].N
	if d, ok := fn.(*ast.FuncDecl); ok && d.Body == nil {
		return // declared in assembly
	}
	nodes := c.files.Within(i)
	calls := callsIn(nodes)
	if !c.mayWrap(calls) || !c.mayTrigger(calls) {
		return // the fast path: no call a rule is about, or no writer over anything
	}
	m := c.buildModel(fn, nodes, calls)
	if m == nil {
		return // nothing this check could report
	}
	cur, ok := c.files.Cursor(fn)
	if !ok {
		return // not in the package's files
	}
	m.fn = cur
	c.checkUnit(m, cur)
	for lit := range cur.Preorder((*ast.FuncLit)(nil)) {
		if lit != cur {
			c.checkUnit(m, lit)
		}
	}
}

// callsIn returns the calls among a function's nodes.
func callsIn(nodes []syntax.Node) []*ast.CallExpr {
	var calls []*ast.CallExpr
	for _, n := range nodes {
		if call, ok := n.N.(*ast.CallExpr); ok {
			calls = append(calls, call)
		}
	}
	return calls
}
