package unflushed

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/analysisdoc"
	"github.com/flushcheck/flushcheck/analyzer/internal/flowgraph"
	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
	"github.com/flushcheck/flushcheck/analyzer/internal/suppress"
	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

//go:embed doc.go
var doc string

// Analyzer reports buffered and finalizing writers left unfinished.
var Analyzer = &analysis.Analyzer{
	Name:     "unflushed",
	Doc:      analysisdoc.MustExtract(doc, "unflushed"),
	URL:      "https://github.com/flushcheck/flushcheck/blob/main/docs/checks/unflushed.md",
	Run:      run,
	Requires: []*analysis.Analyzer{syntax.Analyzer, flowgraph.Analyzer, knowledge.Analyzer, finishersAnalyzer},
}

// checker holds what one pass needs.
type checker struct {
	pass   *analysis.Pass
	pkg    *knowledge.Package
	cfgs   *flowgraph.Graphs
	files  *syntax.Files
	paths  *paths.Checker
	report *suppress.Reporter
	fin    *finishers // which functions finish a writer parameter
}

func run(pass *analysis.Pass) (any, error) {
	cfgs := pass.ResultOf[flowgraph.Analyzer].(*flowgraph.Graphs)
	c := &checker{
		pass:   pass,
		pkg:    pass.ResultOf[knowledge.Analyzer].(*knowledge.Package),
		cfgs:   cfgs,
		files:  pass.ResultOf[syntax.Analyzer].(*syntax.Files),
		paths:  &paths.Checker{Info: pass.TypesInfo, NoReturn: cfgs.NoReturn},
		report: suppress.New(pass),
		fin:    pass.ResultOf[finishersAnalyzer].(*finishers),
	}
	for i := range c.files.Funcs() {
		c.checkFunc(int32(i))
	}
	c.checkFields(pass.Files)
	return nil, nil
}

// writer is a buffered or finalizing writer a function creates.
type writer struct {
	v      *types.Var
	def    ast.Node // the statement that creates it
	under  ast.Expr // the destination it wraps, if known
	known  bool     // a table type, whose finishing methods are known exactly
	traits knowledge.Trait
	lost   string
	kind   string // for messages: bufio.Writer, gzip.Writer, base64.NewEncoder writer
}

// finishName is the call that finishes w: Close for a finalizing writer
// (a gzip Flush writes no footer), Flush for a buffered one.
func (w *writer) finishName() string {
	if w.traits.Has(knowledge.Finalizing) {
		return "Close"
	}
	return "Flush"
}

// finishes reports whether calling method name on w finishes it. Of a
// writer known only by its structure, any method that does not write may
// finish it (blockWriter.close): assume it does.
func (w *writer) finishes(name string) bool {
	if !w.known && !isWriteMethod(name) {
		return true
	}
	switch name {
	case "Close":
		return true
	case "Flush":
		return !w.traits.Has(knowledge.Finalizing)
	case "WriteAll":
		return w.traits.Has(knowledge.ErrorMethod) // csv: writes and flushes
	}
	return false
}

func (c *checker) checkFunc(i int32) {
	n := c.files.Funcs()[i].N
	body := bodyOf(n)
	if body == nil {
		return // a declaration without body
	}
	ws := c.writersOf(i, body)
	if len(ws) == 0 {
		return // no writer: no cursor or graph needed
	}
	fn, ok := c.files.Cursor(n)
	if !ok {
		return // not in the package's files
	}
	g := c.cfgs.Func(fn.Node())
	if g == nil {
		return // no graph: type information incomplete
	}
	for _, w := range ws {
		evs := c.usesOf(fn, w)
		c.search(fn, g, w, evs) // on the paths before it escapes, if it does
		if !escapes(evs) {
			c.checkOutcome(fn, w) // a finish whose failure is noticed and dropped
		} else if lit, ok := c.soleUser(fn, w); ok {
			c.searchLit(lit, w) // the goroutine it is handed to owns it
		}
	}
}

// bodyOf returns the body of a function declaration or literal, nil
// for a declaration without one.
func bodyOf(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}

// writersOf finds the local variables of function fn (not of its nested
// function literals) assigned a buffered or finalizing writer.
func (c *checker) writersOf(fn int32, body *ast.BlockStmt) []*writer {
	var ws []*writer
	var r *knowledge.Resolver // built at the first candidate: most functions have none
	var seen map[*types.Var]bool
	for node := range c.files.Own(fn) {
		n := node.N
		switch n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
		default:
			continue // defines nothing
		}
		for _, id := range definedIdents(n) {
			v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
			if !ok || seen[v] || !declaredIn(v, body) {
				continue // not a local of this function, or already seen
			}
			if seen == nil {
				seen = make(map[*types.Var]bool)
			}
			seen[v] = true
			if !madeByCall(n, id) || !mayBeWriter(v.Type()) {
				continue // not made here, or no writer methods: not a writer this function owns
			}
			if r == nil {
				r = c.pkg.Resolver(c.files.Funcs()[fn].N)
			}
			if w := c.classify(v, id, n, r); w != nil {
				ws = append(ws, w)
			}
		}
	}
	return ws
}

// classify returns the writer held by v, if v holds one that must be
// finished. v is made by a call at def and its type has methods.
func (c *checker) classify(v *types.Var, id *ast.Ident, def ast.Node, r *knowledge.Resolver) *writer {
	val := r.Classify(id)
	if val.Traits&(knowledge.Buffered|knowledge.Finalizing) == 0 {
		return nil // nothing held back
	}
	if val.Traits&(knowledge.Conn|knowledge.Endpoint|knowledge.Response) != 0 {
		return nil // a connection or file, not a wrapper
	}
	under := r.Underlying(id)
	if under == nil {
		under = hijackedConn(c.pass.TypesInfo, def, id)
	}
	return &writer{
		v:      v,
		def:    def,
		under:  under,
		known:  knowledge.TypeRow(v.Type()) != nil || types.IsInterface(v.Type()),
		traits: val.Traits,
		lost:   val.Lost,
		kind:   kindName(c.pass.TypesInfo, v, def),
	}
}

// kindName names a writer's kind for messages: its named type, or the
// constructor that made an interface value.
func kindName(info *types.Info, v *types.Var, def ast.Node) string {
	t := types.Unalias(v.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok && !types.IsInterface(n) && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	if as, ok := def.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
		if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
			return types.ExprString(call.Fun) + " writer"
		}
	}
	return types.TypeString(v.Type(), func(p *types.Package) string { return p.Name() })
}

func definedIdents(n ast.Node) []*ast.Ident {
	var ids []*ast.Ident
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name != "_" {
				ids = append(ids, id)
			}
		}
	case *ast.ValueSpec:
		if len(n.Values) > 0 {
			ids = append(ids, n.Names...)
		}
	}
	return ids
}

// declaredIn reports whether v is a local declared inside body (not a
// parameter, a result or a variable of an enclosing function).
func declaredIn(v *types.Var, body *ast.BlockStmt) bool {
	return !v.IsField() && v.Pos() > body.Lbrace && v.Pos() < body.Rbrace
}

// sameFunc reports whether cur lies in fn itself, not in a function
// literal nested in fn.
func sameFunc(cur, fn inspector.Cursor) bool {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f == fn
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type()

// hijackedConn returns conn for rw in `conn, rw, err := h.Hijack()`: the
// *bufio.ReadWriter that http.Hijacker.Hijack returns writes to the
// net.Conn returned beside it.
func hijackedConn(info *types.Info, def ast.Node, id *ast.Ident) ast.Expr {
	as, ok := def.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 3 || len(as.Rhs) != 1 || ast.Unparen(as.Lhs[1]) != id {
		return nil
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil
	}
	tuple, ok := info.TypeOf(call).(*types.Tuple)
	if !ok || tuple.Len() != 3 || !isNetConn(tuple.At(0).Type()) {
		return nil
	}
	return as.Lhs[0]
}

func isNetConn(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net" && n.Obj().Name() == "Conn"
}

// madeByCall reports whether the definition assigns id the result of a
// call: a constructor, an opener or Hijack, not a field or a variable.
func madeByCall(def ast.Node, id *ast.Ident) bool {
	var lhs, rhs []ast.Expr
	switch def := def.(type) {
	case *ast.AssignStmt:
		lhs, rhs = def.Lhs, def.Rhs
	case *ast.ValueSpec:
		for _, n := range def.Names {
			lhs = append(lhs, n)
		}
		rhs = def.Values
	}
	for i, l := range lhs {
		if ast.Unparen(l) != id {
			continue
		}
		src := rhs[0]
		if len(rhs) == len(lhs) {
			src = rhs[i]
		}
		_, ok := ast.Unparen(src).(*ast.CallExpr)
		return ok
	}
	return false
}

// mayHoldWriter reports whether a variable of type t can hold a writer:
// t or the type it points to has methods, is an interface with methods
// other than error, embeds a field (whose methods it gains), or is a type
// parameter.
func mayHoldWriter(t types.Type) bool {
	if types.Identical(t, errorType) {
		return false // the commonest local made by a call, and no writer
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		if n.NumMethods() > 0 {
			return true
		}
		t = n.Underlying()
	}
	switch u := t.(type) {
	case *types.Interface:
		return u.NumMethods() > 0
	case *types.Struct:
		for i := range u.NumFields() {
			if u.Field(i).Embedded() {
				return true
			}
		}
		return false
	case *types.TypeParam:
		return true
	default:
		return false // basic, slice, map, channel, function, array: no methods
	}
}

// mayBeWriter narrows mayHoldWriter for the locals writersOf classifies:
// a concrete type must have a method to write to it or finish it (Write,
// WriteString, Flush, Close, its own or promoted). Every writer the
// knowledge table or a type's structure makes buffered or finalizing has
// one, so the other locals need no classification; an interface or a
// type parameter is judged by what was assigned to it.
func mayBeWriter(t types.Type) bool {
	if !mayHoldWriter(t) {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	if types.IsInterface(t) {
		return true
	}
	for _, name := range writerMethods {
		if knowledge.HasMethod(t, name) {
			return true
		}
	}
	return false
}

// writerMethods are the methods some writer of every buffered or
// finalizing kind has.
var writerMethods = [...]string{"Write", "WriteString", "Flush", "Close"}
