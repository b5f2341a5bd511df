package paths

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// NonNilOnBranch returns the error variable known non-nil on successor k
// of block b: X on the true branch of `X != nil`, on the false branch of
// `X == nil`. Searches over the CFG carry it to judge the returns they
// reach (return err there reports failure).
func (c *Checker) NonNilOnBranch(b *cfg.Block, k int) *types.Var {
	v, op := c.nilTest(b)
	if op == token.NEQ && k == 0 || op == token.EQL && k == 1 {
		return v
	}
	return nil
}

// NilOnBranch returns the variable known nil on successor k of b: a
// search that knows it is non-nil need not follow that branch.
func (c *Checker) NilOnBranch(b *cfg.Block, k int) *types.Var {
	v, op := c.nilTest(b)
	if op == token.EQL && k == 0 || op == token.NEQ && k == 1 {
		return v
	}
	return nil
}

// nilTest returns X and the operator when b ends by testing `X == nil`
// or `X != nil` for an interface-typed variable X.
func (c *Checker) nilTest(b *cfg.Block) (*types.Var, token.Token) {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil, token.ILLEGAL // not a conditional block
	}
	last, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return nil, token.ILLEGAL // a range or select head, not a condition
	}
	cond, ok := ast.Unparen(last).(*ast.BinaryExpr)
	if !ok || !isNil(ast.Unparen(cond.Y)) || cond.Op != token.EQL && cond.Op != token.NEQ {
		return nil, token.ILLEGAL
	}
	id, ok := ast.Unparen(cond.X).(*ast.Ident)
	if !ok {
		return nil, token.ILLEGAL
	}
	v, ok := c.Info.Uses[id].(*types.Var)
	if !ok || !types.IsInterface(v.Type()) {
		return nil, token.ILLEGAL
	}
	return v, cond.Op
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
