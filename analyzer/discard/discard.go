package discard

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/analysisdoc"
	"github.com/flushcheck/flushcheck/analyzer/internal/flowgraph"
	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
	"github.com/flushcheck/flushcheck/analyzer/internal/suppress"
	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

//go:embed doc.go
var doc string

// Analyzer reports data-committing calls whose result is discarded.
var Analyzer = &analysis.Analyzer{
	Name:     "discard",
	Doc:      analysisdoc.MustExtract(doc, "discard"),
	URL:      "https://github.com/flushcheck/flushcheck/blob/main/docs/checks/discard.md",
	Run:      run,
	Requires: []*analysis.Analyzer{syntax.Analyzer, flowgraph.Analyzer, knowledge.Analyzer},
}

// checker holds what one pass needs.
type checker struct {
	pass     *analysis.Pass
	pkg      *knowledge.Package
	paths    *paths.Checker
	report   *suppress.Reporter
	cfgs     *flowgraph.Graphs
	files    *syntax.Files
	kept     map[*types.Var]bool  // see keptFields
	finished map[*types.Var]bool  // see finishedFields
	helpers  map[*types.Func]bool // see failureHelper
}

func run(pass *analysis.Pass) (any, error) {
	cfgs := pass.ResultOf[flowgraph.Analyzer].(*flowgraph.Graphs)
	c := &checker{
		pass:   pass,
		pkg:    pass.ResultOf[knowledge.Analyzer].(*knowledge.Package),
		paths:  &paths.Checker{Info: pass.TypesInfo, NoReturn: cfgs.NoReturn},
		report: suppress.New(pass),
		cfgs:   cfgs,
		files:  pass.ResultOf[syntax.Analyzer].(*syntax.Files),
	}
	nodes := c.files.Nodes()
	for i, n := range nodes {
		call, ok := n.N.(*ast.CallExpr)
		if !ok || !c.mayDiscard(n.Parent) || !c.mayMatter(call, n.Func) {
			continue // used as a value, or not a commit that matters: no cursor needed
		}
		if c.readAtOnce(nodes, i) {
			continue // the error is assigned and read by the next statement
		}
		if cur, ok := c.files.Cursor(call); ok {
			c.checkCall(cur)
		}
	}
	return nil, nil
}

// mayDiscard reports whether a call whose parent is parent may have its
// result thrown away (see formOf), or carried by an errors.Join whose
// result is (see joinCarrier).
func (c *checker) mayDiscard(parent ast.Node) bool {
	switch p := parent.(type) {
	case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt, *ast.AssignStmt:
		return true
	case *ast.CallExpr:
		return knowledge.JoinedErrors(c.pass.TypesInfo, p) != nil
	}
	return false
}

// mayMatter reports whether call, in function fn, is a data-committing call
// whose loss checkCall may report: the filters of checkCall that need no
// cursor, so that most calls never get one.
func (c *checker) mayMatter(call *ast.CallExpr, fn int32) bool {
	commit, ok := c.pkg.CommitOf(call)
	if !ok {
		return false // not a data-committing call
	}
	if commit.Op == knowledge.OpFlushNoErr {
		return true // judged by whether Error is read after it
	}
	if fn < 0 {
		return false // outside any function
	}
	outer := c.files.Funcs()[c.files.Outermost(fn)].N // the outermost function, as ResolverAt finds it
	_, ok = c.pkg.Matters(c.pkg.Resolver(outer), commit)
	return ok
}

// form is how a call's result is thrown away.
type form int

const (
	kept      form = iota // the result is used
	statement             // bw.Flush()
	deferred              // defer gz.Close()
	spawned               // go bw.Flush()
	blank                 // _ = bw.Flush(), n, _ := conn.Write(p)
	emptyIf               // if err := bw.Flush(); err != nil {}
	assigned              // err = bw.Flush(): lost if err is never read
)

func (c *checker) checkCall(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	carrier := c.joinCarrier(cur)
	f, stmt := c.formOf(carrier, carrier.Node().(*ast.CallExpr))
	if f == kept {
		return // the result is used: not a discard
	}
	commit, ok := c.pkg.CommitOf(call)
	if !ok {
		return // not a data-committing call
	}
	r := c.pkg.ResolverAt(cur)
	if r == nil {
		return // outside any function
	}
	if commit.Op == knowledge.OpFlushNoErr {
		c.checkErrorRead(cur, stmt, f, commit, r)
		return
	}
	stake, ok := c.pkg.Matters(r, commit)
	if !ok {
		return // the target cannot lose bytes this way
	}
	verb := "is discarded"
	switch f {
	case emptyIf:
		verb = "is checked but nothing is done about it"
	case assigned:
		if verb = c.deadVerb(stmt, carrier.Node().(*ast.CallExpr), call); verb == "" {
			return // the assigned error is read
		}
	}
	if c.excused(stmt, f, commit, r) {
		return
	}
	c.reportDiscard(stmt, f, commit, verb, stake, carrier == cur)
}

// joinCarrier returns the errors.Join call whose result carries the
// error of the call at cur (errors.Join(zw.Close(), f.Close())), the
// outermost of nested joins, or cur itself.
func (c *checker) joinCarrier(cur inspector.Cursor) inspector.Cursor {
	for cur.ParentEdgeKind() == edge.CallExpr_Args {
		parent := cur.Parent()
		if knowledge.JoinedErrors(c.pass.TypesInfo, parent.Node().(*ast.CallExpr)) == nil {
			break // an argument of another call: that call uses the result
		}
		cur = parent
	}
	return cur
}

// deadVerb says how the error of call, assigned by stmt as the result of
// carrier (call itself, or an errors.Join around it), is lost, or ""
// when some path reads it.
func (c *checker) deadVerb(stmt inspector.Cursor, carrier, call *ast.CallExpr) string {
	as := stmt.Node().(*ast.AssignStmt)
	lhs := errorLHS(as, carrier)
	v := localVar(c.pass.TypesInfo, lhs)
	var witnesses []*types.Var
	for _, l := range as.Lhs {
		if w := localVar(c.pass.TypesInfo, l); w != nil && w != v {
			witnesses = append(witnesses, w)
		}
	}
	how := "is assigned to "
	if carrier != call {
		how = "is joined into "
	}
	switch c.deadError(stmt, v, witnesses) {
	case overwritten:
		return how + v.Name() + " and overwritten before it is read"
	case dies:
		return how + v.Name() + " and never read"
	}
	return ""
}

// localVar returns the local variable (not a field, not package-level)
// that e names.
func localVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// formOf says how call's result is discarded, with the statement that
// discards it.
func (c *checker) formOf(cur inspector.Cursor, call *ast.CallExpr) (form, inspector.Cursor) {
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.ExprStmt:
		return statement, parent
	case *ast.DeferStmt:
		return deferred, parent
	case *ast.GoStmt:
		return spawned, parent
	case *ast.AssignStmt:
		return c.assignForm(parent, p, call)
	}
	return kept, cur
}

func (c *checker) assignForm(cur inspector.Cursor, as *ast.AssignStmt, call *ast.CallExpr) (form, inspector.Cursor) {
	lhs := errorLHS(as, call)
	if lhs == nil {
		return kept, cur
	}
	if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
		return blank, cur
	}
	if cur.ParentEdgeKind() == edge.IfStmt_Init && c.emptyCheck(cur.Parent().Node().(*ast.IfStmt), lhs) {
		return emptyIf, cur
	}
	if localVar(c.pass.TypesInfo, lhs) != nil {
		return assigned, cur
	}
	return kept, cur
}

// errorLHS returns the left-hand side that receives call's error result.
func errorLHS(as *ast.AssignStmt, call *ast.CallExpr) ast.Expr {
	if len(as.Rhs) == 1 {
		if ast.Unparen(as.Rhs[0]) != call {
			return nil
		}
		return as.Lhs[len(as.Lhs)-1] // the error is the last result
	}
	for i, r := range as.Rhs {
		if ast.Unparen(r) == call && i < len(as.Lhs) {
			return as.Lhs[i]
		}
	}
	return nil
}

// emptyCheck reports whether ifs checks the error in lhs and does
// nothing with it: `if err := bw.Flush(); err != nil {}`.
func (c *checker) emptyCheck(ifs *ast.IfStmt, lhs ast.Expr) bool {
	if len(ifs.Body.List) > 0 || ifs.Else != nil {
		return false
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.ObjectOf(id)
	used := false
	ast.Inspect(ifs.Cond, func(n ast.Node) bool {
		if x, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(x) == obj {
			used = true
		}
		return !used
	})
	return used
}

// reportDiscard reports the discard; a fix is offered only for a call
// that is not joined with others (the fix would drop the join).
func (c *checker) reportDiscard(stmt inspector.Cursor, f form, commit knowledge.Commit, verb, stake string, alone bool) {
	call := commit.Call
	msg := fmt.Sprintf("error from %s%s %s%s; %s",
		refs.Callee(c.pass.TypesInfo, commit.Call), targetName(c.pass.TypesInfo, commit), verb, c.where(stmt, f, commit), stake)
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg}
	if alone {
		d.SuggestedFixes = c.fixes(stmt, f, commit)
	}
	c.report.Report(d)
}

// targetName names the writer committed to, when it is a short
// expression: " on bw", " to conn".
func targetName(info *types.Info, commit knowledge.Commit) string {
	if commit.Target == nil {
		return ""
	}
	switch ast.Unparen(commit.Target).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.UnaryExpr:
	default:
		return "" // a call or literal: no name to give
	}
	name := types.ExprString(commit.Target)
	if len(name) > 40 {
		return ""
	}
	sel, ok := ast.Unparen(commit.Call.Fun).(*ast.SelectorExpr)
	if ok && info.Selections[sel] != nil && ast.Unparen(sel.X) == ast.Unparen(commit.Target) {
		return " on " + name // the receiver itself
	}
	return " to " + name
}

// usesResult reports whether a call of this form hands its error on:
// an assignment counts, whether or not the variable is read later.
func (f form) usesResult() bool { return f == kept || f == assigned }
