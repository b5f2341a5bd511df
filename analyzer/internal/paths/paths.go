// Package paths answers the path questions the analyzers share: does a
// statement lie on a path that already reports failure (SPEC: a discard
// on a path that returns a non-nil error is not a truncation), and which
// function, deferred or not, encloses it.
package paths

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// Checker answers path questions for one package.
type Checker struct {
	Info *types.Info
	// NoReturn reports whether a call of fn never returns (flowgraph's
	// facts: os.Exit, log.Fatal, user helpers that call them).
	NoReturn func(fn *types.Func) bool

	inits map[*types.Var]ast.Expr // package-level initializers, filled on first use
}

type verdict int

const (
	neutral verdict = iota
	failing
	succeeding
	unknown
)

// Failing reports whether every statement that can follow stmt in its
// function, read straight down its enclosing blocks, first reaches a
// failure (a return of a non-nil error, a return inside an error check
// of a function with no error result, a call that never returns) rather
// than a success. A loop, a branch statement or the end of a loop body
// stop the search: the answer is then false.
func (c *Checker) Failing(stmt inspector.Cursor) bool {
	cur := stmt
	for {
		for next, ok := cur.NextSibling(); ok; next, ok = next.NextSibling() {
			s, isStmt := next.Node().(ast.Stmt)
			if !isStmt {
				continue // a case clause's expressions
			}
			switch c.verdict(next, s) {
			case failing:
				return true
			case succeeding, unknown:
				return false
			}
		}
		parent := cur.Parent()
		switch parent.Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.IfStmt, *ast.LabeledStmt,
			*ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			cur = parent // fell off the end of a branch: go on after it
		case *ast.FuncDecl, *ast.FuncLit:
			return c.returnVerdict(stmt, nil) == failing // implicit return at the end
		default:
			return false // a loop body, or a statement outside a block
		}
	}
}

func (c *Checker) verdict(cur inspector.Cursor, s ast.Stmt) verdict {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return c.returnVerdict(cur, s)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && c.NeverReturns(call) {
			return failing
		}
	case *ast.BranchStmt:
		return unknown
	}
	return neutral
}

// NeverReturns reports whether call is panic or a call that never
// returns.
func (c *Checker) NeverReturns(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(c.Info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "panic"
	case *types.Func:
		if c.NoReturn != nil && c.NoReturn(fn) {
			return true
		}
		return isTestingStop(fn)
	}
	return false
}

// isTestingStop reports whether fn stops a test: testing's Fatal, FailNow
// and Skip families end the goroutine with runtime.Goexit, including when
// called through testing.TB.
func isTestingStop(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	switch fn.Name() {
	case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
		return true
	}
	return false
}

// returnVerdict judges a return statement (nil: the implicit return at
// the end of the function) reached from the statement at cur.
func (c *Checker) returnVerdict(cur inspector.Cursor, ret *ast.ReturnStmt) verdict {
	return c.verdictWith(cur, ret, c.guards(cur))
}

// verdictWith is returnVerdict knowing the error variables in guards to
// be non-nil at the return.
func (c *Checker) verdictWith(cur inspector.Cursor, ret *ast.ReturnStmt, guards map[types.Object]bool) verdict {
	sig := c.signature(cur)
	if sig == nil {
		return unknown
	}
	res := sig.Results()
	if res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) {
		// Nothing to return an error in: a return inside an error check
		// is how such a function fails (after logging, answering 500).
		if len(guards) > 0 {
			return failing
		}
		return succeeding
	}
	var last ast.Expr
	switch {
	case ret != nil && len(ret.Results) == res.Len():
		last = ret.Results[len(ret.Results)-1]
	case ret == nil || len(ret.Results) == 0:
		named := res.At(res.Len() - 1)
		if named.Name() == "" || named.Name() == "_" {
			return unknown
		}
		return c.nonNilVar(named, guards)
	default:
		return unknown // return f(): whatever f returns
	}
	if c.nonNil(last, guards) || c.doneErr(cur, last) {
		return failing // ctx.Err() once ctx is done is non-nil too
	}
	return succeeding
}

func (c *Checker) nonNilVar(v *types.Var, guards map[types.Object]bool) verdict {
	if guards[v] {
		return failing
	}
	return succeeding
}

// nonNil reports whether e is certainly a non-nil error: a constructed
// error, a package-level sentinel, or a variable checked against nil by
// an enclosing if.
func (c *Checker) nonNil(e ast.Expr, guards map[types.Object]bool) bool {
	e = ast.Unparen(e)
	if c.constructed(e) {
		return true // &T{...}, T{...}, errors.New(...)
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		obj := c.objectOf(e)
		if obj == nil {
			return false
		}
		if guards[obj] {
			return true
		}
		return refs.PackageVar(obj) // a sentinel
	case *ast.CallExpr:
		return c.mentionsGuarded(e, guards)
	}
	return false
}

func (c *Checker) objectOf(e ast.Expr) types.Object {
	switch e := e.(type) {
	case *ast.Ident:
		if e.Name == "nil" {
			return nil
		}
		return c.Info.ObjectOf(e)
	case *ast.SelectorExpr:
		return c.Info.ObjectOf(e.Sel)
	}
	return nil
}

// constructsError reports whether call is fmt.Errorf or errors.New, which
// never return nil.
func (c *Checker) constructsError(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.Info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	return path == "fmt" && name == "Errorf" || path == "errors" && name == "New"
}

// mentionsGuarded reports whether a call wraps a checked error
// (errors.Wrap(err, ...), &PathError{Err: err} through a helper).
func (c *Checker) mentionsGuarded(call *ast.CallExpr, guards map[types.Object]bool) bool {
	found := false
	ast.Inspect(call, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && guards[c.Info.ObjectOf(id)] {
			found = true
		}
		return !found
	})
	return found
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// ReturnFails reports whether the return statement at cur reports
// failure: it returns a non-nil error, or it is a return inside an error
// check of a function that has no error to return. A nil ret stands for
// the implicit return at the end of the function enclosing cur.
func (c *Checker) ReturnFails(cur inspector.Cursor, ret *ast.ReturnStmt) bool {
	return c.returnVerdict(cur, ret) == failing
}
