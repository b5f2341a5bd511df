package pollpending

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/flushcheck/flushcheck/analyzer/internal/analysisdoc"
	"github.com/flushcheck/flushcheck/analyzer/internal/flowgraph"
	"github.com/flushcheck/flushcheck/analyzer/internal/suppress"
	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

//go:embed doc.go
var doc string

// Analyzer reports "not done yet" answers from raw writes that are
// treated as done.
var Analyzer = &analysis.Analyzer{
	Name:      "pollpending",
	Doc:       analysisdoc.MustExtract(doc, "pollpending"),
	URL:       "https://github.com/flushcheck/flushcheck/blob/main/docs/checks/pollpending.md",
	Run:       run,
	Requires:  []*analysis.Analyzer{syntax.Analyzer, flowgraph.Analyzer},
	FactTypes: []analysis.Fact{new(errTestFact), new(pollWriteFact), new(pollDoneFact), new(pollPkgFact)},
}

// checker holds what one pass knows; it lives for one call of run.
type checker struct {
	pass  *analysis.Pass
	rep   *suppress.Reporter
	cfgs  *flowgraph.Graphs
	files *syntax.Files
	sums  map[*types.Func]*summary
	units map[ast.Node]*unit // by *ast.FuncDecl or *ast.FuncLit

	siteCache map[*unit][]*site

	rawConn     *types.Interface    // syscall.RawConn's interface, nil if not in the import graph
	rawConnType types.Type          // syscall.RawConn itself
	errno       types.Type          // syscall.Errno, nil if not in the import graph
	callbacks   map[*unit]string    // RawConn callbacks: "Write" or "Read"
	reads       map[*types.Var]bool // variables the package reads, built lazily
}

func run(pass *analysis.Pass) (any, error) {
	if !mayUseRawWrites(pass) || isSysPkg(pass.Pkg) {
		return nil, nil // no raw write reachable, or the package that defines them
	}
	c := &checker{
		pass:      pass,
		rep:       suppress.New(pass),
		cfgs:      pass.ResultOf[flowgraph.Analyzer].(*flowgraph.Graphs),
		files:     pass.ResultOf[syntax.Analyzer].(*syntax.Files),
		sums:      make(map[*types.Func]*summary),
		units:     make(map[ast.Node]*unit),
		siteCache: make(map[*unit][]*site),
		callbacks: make(map[*unit]string),
	}
	sys := findSyscall(pass.Pkg)
	if t := lookupType(sys, "RawConn"); t != nil {
		c.rawConnType = t
		c.rawConn, _ = t.Underlying().(*types.Interface)
	}
	c.errno = lookupType(sys, "Errno")
	c.exportFacts()
	sites := c.collectSites()
	c.checkCallbacks(sites)
	for _, s := range sites {
		c.checkCount(s)
		c.checkEAGAIN(s)
	}
	c.checkDoneDiscards()
	return nil, nil
}

// mayUseRawWrites is the fast path: a package that imports neither
// syscall nor x/sys/unix, nor a package that declares a poll-style API,
// cannot reach a raw write.
func mayUseRawWrites(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if isSysPkg(imp) {
			return true
		}
		if pass.ImportPackageFact(imp, new(pollPkgFact)) {
			return true
		}
	}
	return false
}

// unit is one function body with its control-flow graph.
type unit struct {
	node ast.Node // *ast.FuncDecl or *ast.FuncLit
	sig  *types.Signature
	body *ast.BlockStmt
	tags map[ast.Expr]ast.Expr // switch case value -> switch tag, built lazily

	aliases      map[*types.Var]*errAliases   // what derives from each write's error, built lazily
	typeSwitches map[*ast.CaseClause]ast.Expr // type switch clause -> subject, built lazily
	loopConds    []ast.Expr                   // conditions of the for loops, built lazily
}

// unitOf returns the unit of a function declaration or literal, or nil
// when it has no body, no type or no graph.
func (c *checker) unitOf(n ast.Node) *unit {
	if u, ok := c.units[n]; ok {
		return u
	}
	u := c.newUnit(n)
	c.units[n] = u
	return u
}

func (c *checker) newUnit(n ast.Node) *unit {
	switch n := n.(type) {
	case *ast.FuncDecl:
		fn, ok := c.pass.TypesInfo.Defs[n.Name].(*types.Func)
		if !ok || n.Body == nil {
			return nil // no type information or no body
		}
		return &unit{node: n, sig: fn.Type().(*types.Signature), body: n.Body}
	case *ast.FuncLit:
		sig, ok := c.pass.TypesInfo.TypeOf(n).(*types.Signature)
		if !ok {
			return nil // ill-typed literal
		}
		return &unit{node: n, sig: sig, body: n.Body}
	}
	return nil
}

// graph returns the control-flow graph of u.
func (c *checker) graph(u *unit) *cfg.CFG { return c.cfgs.Func(u.node) }

// isLocal reports whether v is declared inside u (a parameter or a
// variable of its body), not captured from outside and not a result.
func (u *unit) isLocal(v *types.Var) bool {
	if v == nil {
		return false
	}
	if u.isResult(v) {
		return false
	}
	if v.Pos() >= u.body.Pos() && v.Pos() < u.body.End() {
		return true
	}
	params := u.sig.Params()
	for i := range params.Len() {
		if params.At(i) == v {
			return true
		}
	}
	if r := u.sig.Recv(); r != nil && r == v {
		return true
	}
	return false
}

// isResult reports whether v is a named result of u.
func (u *unit) isResult(v *types.Var) bool {
	res := u.sig.Results()
	for i := range res.Len() {
		if res.At(i) == v {
			return true
		}
	}
	return false
}

// report reports a diagnostic through the suppression filter.
func (c *checker) report(pos, end token.Pos, msg string, related []analysis.RelatedInformation, fixes []analysis.SuggestedFix) {
	c.rep.Report(analysis.Diagnostic{
		Pos:            pos,
		End:            end,
		Message:        msg,
		Related:        related,
		SuggestedFixes: fixes,
	})
}

// isType reports whether e denotes a type (so a call of it is a conversion).
func (c *checker) isType(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.IsType()
}

// varOf returns the variable an identifier defines or uses, or nil.
func (c *checker) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil // not a named variable
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}
