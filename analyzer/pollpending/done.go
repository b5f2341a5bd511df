package pollpending

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

// checkDoneDiscards reports calls of poll-style functions returning
// (done bool) whose result is thrown away: false, "not done yet", is
// then treated as done.
func (c *checker) checkDoneDiscards() {
	for _, n := range c.files.Nodes() {
		if call, ok := n.N.(*ast.CallExpr); ok && c.isDoneDiscard(call, c.parentBeyondParens(n)) {
			msg := fmt.Sprintf("%s of %s is discarded; false means the write would block and the unsent bytes are dropped",
				c.resultName(call), calleeName(call))
			c.report(call.Pos(), call.End(), msg, nil, nil)
		}
	}
}

// parentBeyondParens returns the parent of an indexed node, past any
// parentheses around it (as parentOf does for a walk's stack).
func (c *checker) parentBeyondParens(n syntax.Node) ast.Node {
	if _, ok := n.Parent.(*ast.ParenExpr); !ok {
		return n.Parent
	}
	cur, ok := c.files.Cursor(n.N)
	if !ok {
		return nil
	}
	for cur = cur.Parent(); cur.Valid(); cur = cur.Parent() {
		if _, ok := cur.Node().(*ast.ParenExpr); !ok {
			return cur.Node()
		}
	}
	return nil
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
