package paths

import (
	"go/ast"
	"go/token"
	"go/types"
)

// operand is what an error is compared with.
type operand int

const (
	otherOperand    operand = iota
	nilOperand              // nil
	sentinelOperand         // a package-level error variable initialized non-nil
)

// comparison splits cond into `X op Y`, X an interface-typed variable
// or field, Y nil or a non-nil sentinel, in either order. It returns the
// object of X, op and what Y is; otherOperand when cond is no such test.
func (c *Checker) comparison(cond ast.Expr) (types.Object, token.Token, operand) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return nil, token.ILLEGAL, otherOperand
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	kind := c.operandKind(y)
	if kind == otherOperand {
		x, kind = y, c.operandKind(x) // nil == err, ErrX == err
	}
	if kind == otherOperand {
		return nil, token.ILLEGAL, otherOperand
	}
	obj := c.objectOf(x)
	if obj == nil || !types.IsInterface(obj.Type()) || c.operandKind(x) != otherOperand {
		return nil, token.ILLEGAL, otherOperand // nil == nil, or a sentinel against a sentinel
	}
	return obj, b.Op, kind
}

func (c *Checker) operandKind(e ast.Expr) operand {
	switch {
	case isNil(e):
		return nilOperand
	case c.nonNilSentinel(e):
		return sentinelOperand
	}
	return otherOperand
}

// nonNilWhen returns X when cond holding truth proves X non-nil: X != nil
// or X == ErrX true, X == nil or X != ErrX false.
func (c *Checker) nonNilWhen(cond ast.Expr, truth bool) types.Object {
	obj, op, kind := c.comparison(cond)
	switch {
	case kind == nilOperand && (op == token.NEQ) == truth:
		return obj
	case kind == sentinelOperand && (op == token.EQL) == truth:
		return obj
	}
	return nil
}

// nilWhen returns X when cond holding truth proves X nil: X == nil true,
// X != nil false.
func (c *Checker) nilWhen(cond ast.Expr, truth bool) types.Object {
	obj, op, kind := c.comparison(cond)
	if kind == nilOperand && (op == token.EQL) == truth {
		return obj
	}
	return nil
}

// nonNilSentinel reports whether e names a package-level variable of
// this package initialized with a value that is never nil: errors.New,
// fmt.Errorf, a composite literal or its address. Comparing an error
// with it proves the error non-nil where they are equal.
func (c *Checker) nonNilSentinel(e ast.Expr) bool {
	v, ok := c.objectOf(e).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return false // not a package-level variable
	}
	if c.inits == nil {
		c.inits = make(map[*types.Var]ast.Expr)
		for _, in := range c.Info.InitOrder {
			if len(in.Lhs) == 1 {
				c.inits[in.Lhs[0]] = in.Rhs
			}
		}
	}
	init, ok := c.inits[v]
	if !ok {
		return false // declared in another package, or without a value
	}
	return c.constructed(ast.Unparen(init))
}

// constructed reports whether e builds a value that cannot be nil.
func (c *Checker) constructed(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, lit := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && lit
	case *ast.CallExpr:
		return c.constructsError(e)
	}
	return false
}
