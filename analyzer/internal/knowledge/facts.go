package knowledge

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

// Commits is the fact that a function returns the result of a
// data-committing call, so that discarding its result loses the same
// evidence. Flush and Close methods learn it for any writer they commit
// (func (c *Conn) Flush() error { return c.bw.Flush() }); other functions
// only for a writer passed to them (func Finish(bw *bufio.Writer) error
// { return bw.Flush() }), whose kind the call site then judges.
type Commits struct {
	Lost  string // what is at stake if the result is discarded, as a clause
	Param int    // the parameter whose writer is committed, or -1
}

// AFact marks Commits as an analysis fact.
func (*Commits) AFact() {}

func (c *Commits) String() string {
	if c.Param >= 0 {
		return fmt.Sprintf("commits parameter %d: %s", c.Param, c.Lost)
	}
	return "commits " + c.Lost
}

// Analyzer learns Commits facts and gives the analyzers of the suite a
// *Package to classify the writers of the package being analyzed. It
// reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "writerfacts",
	Doc:        "writerfacts: learn which Flush and Close methods commit written data (no diagnostics)",
	Run:        run,
	Requires:   []*analysis.Analyzer{syntax.Analyzer},
	FactTypes:  []analysis.Fact{new(Commits), new(TypeFact), new(FlushesSelf), new(Returns)},
	ResultType: reflect.TypeFor[*Package](),
}

// Package is what knowledge learned of one package.
type Package struct {
	pass         *analysis.Pass
	info         *types.Info
	fieldWritten map[*types.Var]bool // struct fields written to anywhere in the package
	local        map[*types.Func]*Commits
	typeFacts    map[*types.TypeName]*TypeFact // learned from this package's method bodies
	returns      map[*types.Func]Trait         // this package's Returns facts
	flushesSelf  map[*types.Func]bool          // methods of this package with the FlushesSelf fact

	pairsOnce sync.Once                // see FieldPairs
	pairs     map[*types.Var]FieldPair // writer fields over destination fields

	storesOnce sync.Once              // see fieldStores
	stores     map[*types.Var][]store // values stored in each field

	memo memo // what types alone say, and the Resolvers built

	callersOnce sync.Once // see callers
	calls       *callers

	returnedOnce sync.Once                               // see returnedFields
	returned     map[*types.Var]map[*types.TypeName]bool // error fields returned as a function's error

	files *syntax.Files // cursors, for the functions that need them
}

// Info returns the type information of the package.
func (p *Package) Info() *types.Info { return p.info }

// NewResolver returns a Resolver for the function body (a *ast.FuncDecl
// or *ast.FuncLit, including its nested function literals). Resolver
// returns the same, built once per node.
func (p *Package) NewResolver(fn ast.Node) *Resolver {
	return newResolver(p.info, p, fn)
}

// Fact returns what is known of fn returning the result of a
// data-committing call, from this package or by an imported fact, or nil.
func (p *Package) Fact(fn *types.Func) *Commits {
	fn = fn.Origin() // a method of an instantiated generic type
	if f := p.local[fn]; f != nil {
		return f
	}
	if fn.Pkg() == p.pass.Pkg {
		return nil
	}
	f := new(Commits)
	if !p.pass.ImportObjectFact(fn, f) {
		return nil
	}
	return f
}

func run(pass *analysis.Pass) (any, error) {
	p := &Package{
		pass:         pass,
		info:         pass.TypesInfo,
		fieldWritten: make(map[*types.Var]bool),
		local:        make(map[*types.Func]*Commits),
		typeFacts:    make(map[*types.TypeName]*TypeFact),
		returns:      make(map[*types.Func]Trait),
		flushesSelf:  make(map[*types.Func]bool),
	}
	p.files = pass.ResultOf[syntax.Analyzer].(*syntax.Files)
	var decls []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	for _, n := range p.files.Nodes() {
		if call, ok := n.N.(*ast.CallExpr); ok {
			p.noteWrittenFields(call)
		}
	}
	p.learn(decls)
	for fn, fact := range p.local {
		pass.ExportObjectFact(fn, fact)
	}
	p.learnTypes(decls)
	p.learnReturns(decls) // after the types: what a function returns may be one of them
	return p, nil
}

func (p *Package) noteWrittenFields(call *ast.CallExpr) {
	if !mentions(call, isSelector) {
		return // neither the receiver nor an argument is a field: the common case, decided without types
	}
	forEachWritten(p.info, call, func(e ast.Expr) {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return // not a field
		}
		if v, ok := p.info.ObjectOf(sel.Sel).(*types.Var); ok && v.IsField() {
			p.fieldWritten[v.Origin()] = true // the same field in every method of a generic type
		}
	})
}

// isFinisher reports whether decl is a method Flush or Close returning
// only an error: the methods whose facts the suite learns.
func isFinisher(decl *ast.FuncDecl) bool {
	if decl.Recv == nil || decl.Body == nil {
		return false
	}
	if name := decl.Name.Name; name != "Flush" && name != "Close" {
		return false
	}
	res := decl.Type.Results
	return res != nil && len(res.List) == 1 && len(res.List[0].Names) <= 1
}

// learn finds the functions that return a commit's result, repeating
// while new facts appear, since a Close may return a local Flush.
func (p *Package) learn(decls []*ast.FuncDecl) {
	for changed := true; changed; {
		changed = false
		for _, decl := range decls {
			fn, ok := p.info.Defs[decl.Name].(*types.Func)
			if !ok || p.local[fn] != nil || !returnsOnlyError(fn) {
				continue // unknown, already learned, or not func(...) error
			}
			finisher := isFinisher(decl)
			if !finisher && !hasWriterParam(fn) {
				continue // only a parameter's writer can give a non-finisher its fact
			}
			if f := p.returnsCommit(decl, finisher); f != nil {
				p.local[fn] = f
				changed = true
			}
		}
	}
}

// hasWriterParam reports whether a parameter of fn has a method a
// data-committing call could call (see methodOps), or is a type
// parameter: factOf gives a function other than a Flush or Close method
// a fact only for a commit on one of its parameters, and every committing
// call's target (a method's receiver, io.Copy's or fmt.Fprint's writer,
// a fact's argument) has such a method.
func hasWriterParam(fn *types.Func) bool {
	params := fn.Type().(*types.Signature).Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if _, ok := types.Unalias(t).(*types.TypeParam); ok {
			return true
		}
		for name := range methodOps {
			if HasMethod(t, name) {
				return true
			}
		}
	}
	return false
}

// returnsCommit returns the fact for decl when one of its return
// statements returns the result of a call that matters, directly or
// through a variable: any such call for a Flush or Close method, a call
// committing a parameter's writer for other functions.
func (p *Package) returnsCommit(decl *ast.FuncDecl, finisher bool) *Commits {
	var r *Resolver // built at the first return that may return a commit
	for _, ret := range p.returnsOf(decl) {
		res := returned(decl, ret)
		if res == nil || !mayBeCommit(res) {
			continue // nothing returned here can be a commit's result
		}
		if r == nil {
			r = p.Resolver(decl) // once for every round of learn
		}
		if fact := p.factOf(r, decl, res, finisher); fact != nil {
			return fact
		}
	}
	return nil
}

// returnsOf returns the return statements of decl, a declaration of the
// package, not those of the function literals in it.
func (p *Package) returnsOf(decl *ast.FuncDecl) []*ast.ReturnStmt {
	i, ok := p.files.FuncIndex(decl)
	if !ok {
		return nil
	}
	var rets []*ast.ReturnStmt
	for n := range p.files.Own(i) {
		if ret, ok := n.N.(*ast.ReturnStmt); ok {
			rets = append(rets, ret)
		}
	}
	return rets
}

// returned returns the one expression ret returns: its result, or for
// a bare return, the name of the function's one named result.
func returned(decl *ast.FuncDecl, ret *ast.ReturnStmt) ast.Expr {
	if len(ret.Results) == 1 {
		return ret.Results[0]
	}
	res := decl.Type.Results
	if len(ret.Results) == 0 && res != nil && len(res.List) == 1 && len(res.List[0].Names) == 1 {
		return res.List[0].Names[0] // func (l *lineBreaker) Close() (err error) { ...; return }
	}
	return nil
}

// mayBeCommit reports whether a returned e can be the result of a call:
// a call or a variable, not nil or another constant.
func mayBeCommit(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.CallExpr, *ast.Ident:
		return true
	}
	return false
}

// factOf builds the fact for a function returning e, or nil.
func (p *Package) factOf(r *Resolver, decl *ast.FuncDecl, e ast.Expr, finisher bool) *Commits {
	var self *types.Var
	if finisher && decl.Name.Name == "Close" {
		self = writerRecv(p.info, decl)
	}
	c, lost, ok := p.committedBy(r, e, self)
	if !ok {
		return nil
	}
	if i := ParamIndex(p.info, decl, c.Target); i >= 0 {
		return &Commits{Lost: lost, Param: i}
	}
	if finisher {
		return &Commits{Lost: lost, Param: -1}
	}
	return nil
}

// ParamIndex returns the index of decl's parameter that e names, or -1.
func ParamIndex(info *types.Info, decl *ast.FuncDecl, e ast.Expr) int {
	v := localVar(info, e)
	if v == nil {
		return -1
	}
	i := 0
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return i
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	return -1
}

// committedBy reports whether e is (or is a variable assigned) the result
// of a data-committing call that matters, and returns that call. A
// variable may also hold the error of a call returning several results.
// self is the receiver of a writer's Close, or nil (see writesOwnDest).
func (p *Package) committedBy(r *Resolver, e ast.Expr, self *types.Var) (Commit, string, bool) {
	e = ast.Unparen(e)
	if v := localVar(p.info, e); v != nil {
		for _, srcs := range [2][]ast.Expr{r.assigns[v], r.lastOf[v]} {
			for _, src := range srcs {
				if c, lost, ok := p.committedByCall(r, src, self); ok {
					return c, lost, true
				}
			}
		}
		return Commit{}, "", false
	}
	return p.committedByCall(r, e, self)
}

func (p *Package) committedByCall(r *Resolver, e ast.Expr, self *types.Var) (Commit, string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return Commit{}, "", false
	}
	c, ok := p.CommitOf(call)
	if !ok {
		return p.committedByJoin(r, call, self) // errors.Join(zw.Close(), f.Close())
	}
	if lost, ok := p.Matters(r, c); ok {
		return c, lost, true
	}
	if self != nil && p.writesOwnDest(r, self, c) {
		return c, "the bytes it holds may not be written", true
	}
	return Commit{}, "", false
}

// writerRecv returns the receiver of the method d when its type is a
// writer (it has Write), or nil.
func writerRecv(info *types.Info, d *ast.FuncDecl) *types.Var {
	recv := recvVar(info, d)
	if recv == nil || !HasWrite(recv.Type()) {
		return nil
	}
	return recv
}

// writesOwnDest reports whether c writes to the destination a writer
// keeps in a field of its receiver self (lineBreaker.Close writes the
// last line to l.out): a writer's Close that returns such a write's
// error is how the bytes it held reach their destination, whatever that
// destination is, unless it cannot fail or keeps the error itself.
func (p *Package) writesOwnDest(r *Resolver, self *types.Var, c Commit) bool {
	if c.Target == nil || c.Via || (c.Op != OpWrite && c.Op != OpCopy) {
		return false // not a write into a destination of its own
	}
	target := c.Target
	if o := r.Origin(target); o != nil {
		target = o // out := l.out
	}
	if path, ok := chainOf(p.info, self, target); !ok || path == "" {
		return false // not a field of the receiver
	}
	if !HasWrite(p.info.TypeOf(target)) {
		return false
	}
	return r.Classify(target).Traits&(Infallible|StdStream|Pipe|Sticky) == 0
}
