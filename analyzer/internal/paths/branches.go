package paths

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// NonNilOnBranch returns the error variable known non-nil on successor k
// of block b: X on the true branch of `X != nil` or `X == ErrX` (ErrX a
// sentinel built non-nil), on the false branch of `X == nil` or `X !=
// ErrX`. Searches over the CFG carry it to judge the returns they reach
// (return err there reports failure).
func (c *Checker) NonNilOnBranch(b *cfg.Block, k int) *types.Var {
	cond := condition(b)
	if cond == nil {
		return nil
	}
	return nonField(c.nonNilWhen(cond, k == 0))
}

// NilOnBranch returns the variable known nil on successor k of b: a
// search that knows it is non-nil need not follow that branch.
func (c *Checker) NilOnBranch(b *cfg.Block, k int) *types.Var {
	cond := condition(b)
	if cond == nil {
		return nil
	}
	return nonField(c.nilWhen(cond, k == 0))
}

// condition returns the condition b ends with, if it is a conditional
// block.
func condition(b *cfg.Block) ast.Expr {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil // not a conditional block
	}
	last, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return nil // a range or select head, not a condition
	}
	return last
}

// nonField returns obj when it is a variable other than a field: a
// search sees it assigned by name, unlike a field.
func nonField(obj types.Object) *types.Var {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	return v
}

// Assigns reports whether the CFG node n assigns v.
func (c *Checker) Assigns(n ast.Node, v *types.Var) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && c.Info.ObjectOf(id) == v {
			return true
		}
	}
	return false
}

// ReturnsVar reports whether ret returns v as its last result (or, bare,
// v is the named result returned).
func (c *Checker) ReturnsVar(ret *ast.ReturnStmt, v *types.Var) bool {
	if v == nil {
		return false
	}
	if len(ret.Results) == 0 {
		return v.Kind() == types.ResultVar
	}
	id, ok := ast.Unparen(ret.Results[len(ret.Results)-1]).(*ast.Ident)
	return ok && c.Info.Uses[id] == v
}
