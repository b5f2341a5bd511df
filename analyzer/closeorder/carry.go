package closeorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

// carryScan is what one function of the package does to writer fields.
type carryScan struct {
	written  map[*types.Var]bool
	finished map[*types.Var]bool
	calls    []*types.Func // functions of the package it calls
}

// carries reports whether writer field v may hold bytes between calls:
// some function of the package writes to it and returns without
// flushing or closing it, itself or through a function of the package
// it calls (func (r *T) Send(p []byte) { r.bw.Write(p) }).
func (c *checker) carries(v *types.Var) bool {
	if c.carried == nil {
		c.carried = c.findCarried()
	}
	return c.carried[v.Origin()]
}

func (c *checker) findCarried() map[*types.Var]bool {
	scans := make(map[*types.Func]*carryScan)
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					scans[fn] = c.scanCarry(fd.Body)
				}
			}
		}
	}
	carried := make(map[*types.Var]bool)
	for fn, sc := range scans {
		for v := range sc.written {
			if !finishesField(scans, fn, v, make(map[*types.Func]bool)) {
				carried[v] = true
			}
		}
	}
	return carried
}

// finishesField reports whether fn flushes or closes field v, itself or
// through a function of the package it calls.
func finishesField(scans map[*types.Func]*carryScan, fn *types.Func, v *types.Var, seen map[*types.Func]bool) bool {
	sc := scans[fn]
	if sc == nil || seen[fn] {
		return false
	}
	seen[fn] = true
	if sc.finished[v] {
		return true
	}
	for _, g := range sc.calls {
		if finishesField(scans, g, v, seen) {
			return true
		}
	}
	return false
}

// scanCarry notes the writer fields a function body writes to and
// finishes, and the functions of the package it calls.
func (c *checker) scanCarry(body *ast.BlockStmt) *carryScan {
	sc := &carryScan{written: make(map[*types.Var]bool), finished: make(map[*types.Var]bool)}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		knowledge.ForEachWritten(c.info, call, func(e ast.Expr) {
			if v := c.fieldOf(e); v != nil {
				sc.written[v] = true
			}
		})
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isFinishName(sel.Sel.Name) {
			if v := c.fieldOf(sel.X); v != nil {
				sc.finished[v] = true
			}
		}
		if fn, ok := typeutil.Callee(c.info, call).(*types.Func); ok && fn.Pkg() == c.pass.Pkg {
			sc.calls = append(sc.calls, fn.Origin())
		}
		return true
	})
	return sc
}

// fieldOf returns the field e selects (its origin), or nil.
func (c *checker) fieldOf(e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || !c.isField(sel) {
		return nil
	}
	v, _ := c.info.ObjectOf(sel.Sel).(*types.Var)
	if v == nil {
		return nil
	}
	return v.Origin()
}

// carriedField reports whether the field writer t may hold bytes between
// calls.
func (c *checker) carriedField(t *tracked) bool {
	v := c.fieldOf(t.expr)
	return v != nil && c.carries(v)
}
