package pollpending

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkDoneDiscards reports calls of poll-style functions returning
// (done bool) whose result is thrown away: false, "not done yet", is
// then treated as done.
func (c *checker) checkDoneDiscards() {
	for _, f := range c.pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if call, ok := n.(*ast.CallExpr); ok && c.isDoneDiscard(call, parentOf(stack)) {
				msg := fmt.Sprintf("%s of %s is discarded; false means the write would block and the unsent bytes are dropped",
					c.resultName(call), calleeName(call))
				c.report(call.Pos(), call.End(), msg, nil, nil)
			}
			stack = append(stack, n)
			return true
		})
	}
}

// isDoneDiscard reports whether call calls a (done bool) poll-style
// function and parent throws the result away.
func (c *checker) isDoneDiscard(call *ast.CallExpr, parent ast.Node) bool {
	fn := c.callee(call)
	if fn == nil || !c.summaryOf(fn).pollDone {
		return false // not a poll-style function
	}
	switch p := parent.(type) {
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return false // the call is one operand among others
		}
		id, ok := p.Lhs[0].(*ast.Ident)
		return ok && id.Name == "_" // _, err := q.FlushOnce(fd) checks the error, not done
	}
	return false
}

// resultName is how a diagnostic names the done result of call: its
// only result, or the first of two.
func (c *checker) resultName(call *ast.CallExpr) string {
	if tuple, ok := c.pass.TypesInfo.TypeOf(call).(*types.Tuple); ok && tuple.Len() > 1 {
		return "done result"
	}
	return "result"
}
