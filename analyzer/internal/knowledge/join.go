package knowledge

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// JoinedErrors returns the arguments of a call of errors.Join, whose
// result carries the error of each (discarding it discards them all), or
// nil for any other call. A spread slice (errors.Join(errs...)) is not
// looked into: its errors were gathered elsewhere.
func JoinedErrors(info *types.Info, call *ast.CallExpr) []ast.Expr {
	if call.Ellipsis.IsValid() {
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "Join" {
		return nil
	}
	return call.Args
}

// committedByJoin reports whether call is an errors.Join of the result
// of a data-committing call that matters, directly, through nested joins
// or through a variable assigned such a call: returning the join returns
// that result. A variable is not followed into a join it is assigned
// (err = errors.Join(err, f.Close()) would lead back to itself).
func (p *Package) committedByJoin(r *Resolver, call *ast.CallExpr, self *types.Var) (Commit, string, bool) {
	for _, arg := range JoinedErrors(p.info, call) {
		if v := localVar(p.info, arg); v != nil {
			for _, src := range r.assigns[v] {
				if c, lost, ok := p.commitMatters(r, src); ok {
					return c, lost, true
				}
			}
		} else if c, lost, ok := p.committedByCall(r, arg, self); ok {
			return c, lost, true
		}
	}
	return Commit{}, "", false
}

// commitMatters reports whether e is a data-committing call that
// matters, not looking into joins.
func (p *Package) commitMatters(r *Resolver, e ast.Expr) (Commit, string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return Commit{}, "", false
	}
	c, ok := p.CommitOf(call)
	if !ok {
		return Commit{}, "", false
	}
	lost, ok := p.Matters(r, c)
	return c, lost, ok
}
