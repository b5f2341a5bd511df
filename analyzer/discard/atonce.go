package discard

import (
	"go/ast"
	"go/types"

	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

// readAtOnce reports whether the call at nodes[i] has its error assigned
// to a local that the statement right after reads in an if condition or
// a return: if err := w.Write(p); err != nil { ... }, or err = w.Flush()
// followed by return err. Most committing calls in real code look like
// this; formOf would call them assigned and deadVerb would find the error
// read, so they are settled here without a cursor. An if with nothing in
// it (emptyIf) is left to checkCall.
func (c *checker) readAtOnce(nodes []syntax.Node, i int) bool {
	as, ok := nodes[i].Parent.(*ast.AssignStmt)
	if !ok {
		return false
	}
	v := c.assignedError(as, nodes[i].N.(*ast.CallExpr))
	if v == nil {
		return false
	}
	parent := parentOf(nodes, i, as)
	switch p := parent.(type) {
	case *ast.IfStmt:
		if p.Init != as {
			return false
		}
		return (len(p.Body.List) > 0 || p.Else != nil) && c.mentions(p.Cond, v)
	case *ast.BlockStmt:
		return c.nextReads(p.List, as, v)
	case *ast.CaseClause:
		return c.nextReads(p.Body, as, v)
	case *ast.CommClause:
		return c.nextReads(p.Body, as, v)
	}
	return false
}

// assignedError returns the local variable as assigns call's error to,
// or nil when it is the blank identifier, not a local or not call's.
func (c *checker) assignedError(as *ast.AssignStmt, call *ast.CallExpr) *types.Var {
	id, ok := ast.Unparen(errorLHS(as, call)).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	return localVar(c.pass.TypesInfo, id)
}

// parentOf returns the parent of the assignment as, recorded before the
// call at nodes[i] that it holds (preorder puts it a few nodes earlier).
func parentOf(nodes []syntax.Node, i int, as *ast.AssignStmt) ast.Node {
	for j := i - 1; j >= 0 && nodes[j].N.End() >= as.End(); j-- {
		if nodes[j].N == as {
			return nodes[j].Parent
		}
	}
	return nil
}

// nextReads reports whether the statement after as in list is an if
// whose condition reads v, or a return of v.
func (c *checker) nextReads(list []ast.Stmt, as *ast.AssignStmt, v *types.Var) bool {
	for k, s := range list {
		if s != as {
			continue
		}
		if k+1 == len(list) {
			return false // the last statement: what follows is elsewhere
		}
		switch next := list[k+1].(type) {
		case *ast.IfStmt:
			return next.Init == nil && c.mentions(next.Cond, v)
		case *ast.ReturnStmt:
			for _, r := range next.Results {
				if c.mentions(r, v) {
					return true
				}
			}
		}
		return false
	}
	return false
}
