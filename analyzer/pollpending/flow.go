package pollpending

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/cfg"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// errSet is the set of outcomes one raw write may have had on a path:
// success with a positive count, success with a zero count, EAGAIN, or
// another error. Failed writes return a count of -1.
type errSet uint8

const (
	okPos errSet = 1 << iota
	okZero
	errAgain
	errOther

	// errCleared is not an outcome: it marks a path on which the error
	// variable was set to nil after the write, as in
	// "if err == EAGAIN { err = nil }".
	errCleared
	// doneSet marks a path on which the callback's named result (done)
	// was last set to true.
	doneSet

	pathFlags = errCleared | doneSet

	errNil     = okPos | okZero
	errSetBits = 4
	errAny     = errNil | errAgain | errOther
	errNonNil  = errAgain | errOther
	errNoAgain = errNil | errOther
)

func (s errSet) String() string {
	if s == 0 {
		return "none"
	}
	var parts []string
	if s&errNil == errNil {
		parts = append(parts, "nil")
		s &^= errNil
	}
	for i, name := range [errSetBits]string{"n>0", "n=0", "again", "other"} {
		if s&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, "|")
}

// tester reads the conditions of one function as tests of the error
// (and the count) that one raw write returned.
type tester struct {
	c    *checker
	u    *unit
	err  *types.Var // the write's error variable, nil if not kept
	cnt  *types.Var // the write's count variable, nil if not kept
	done *types.Var // a callback's named result, nil if none
}

// refine returns the error values that remain possible when cond is
// true and when it is false.
func (t *tester) refine(cond ast.Expr) (ifTrue, ifFalse errSet) {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			tr, fa := t.refine(e.X)
			return fa, tr
		}
	case *ast.BinaryExpr:
		return t.refineBinary(e)
	case *ast.CallExpr:
		return t.callTest(e)
	case *ast.Ident:
		if v, ok := t.c.pass.TypesInfo.Uses[e].(*types.Var); ok && t.aliases().oks[v] {
			return errNonNil, errNil | errOther // ok of errno, ok := err.(syscall.Errno)
		}
	}
	return errAny, errAny
}

func (t *tester) refineBinary(e *ast.BinaryExpr) (ifTrue, ifFalse errSet) {
	switch e.Op {
	case token.LAND:
		xt, xf := t.refine(e.X)
		yt, yf := t.refine(e.Y)
		return xt & yt, xf | (xt & yf)
	case token.LOR:
		xt, xf := t.refine(e.X)
		yt, yf := t.refine(e.Y)
		return xt | (xf & yt), xf & yf
	case token.EQL:
		return t.equal(e.X, e.Y)
	case token.NEQ:
		tr, fa := t.equal(e.X, e.Y)
		return fa, tr
	}
	return t.countTest(e)
}

// equal refines on x == y.
func (t *tester) equal(x, y ast.Expr) (ifTrue, ifFalse errSet) {
	if t.c.isEAGAIN(y) {
		x, y = y, x
	}
	if t.c.isEAGAIN(x) {
		if !t.about(y) {
			return errAny, errAny // another error compared with EAGAIN
		}
		return errAgain, errNoAgain
	}
	if t.isErr(y) {
		x, y = y, x
	}
	if t.isErr(x) && t.c.isNil(y) {
		return errNil, errNonNil
	}
	if t.isErr(x) && t.c.isErrorValue(y) {
		return errOther, errAny // err == syscall.EINTR
	}
	return t.countTest(&ast.BinaryExpr{X: x, Op: token.EQL, Y: y})
}

// isErr reports whether e is the write's error, or derived from it.
func (t *tester) isErr(e ast.Expr) bool {
	return t.err != nil && t.c.derives(t.aliases(), e)
}

// about reports whether an EAGAIN test of e tests the write's error:
// e derives from it or wraps it, or the error is in no variable, so
// that any test may be the one.
func (t *tester) about(e ast.Expr) bool {
	return t.err == nil || t.c.wrapped(t.aliases(), e)
}

// aliases returns what the function derives from the write's error.
func (t *tester) aliases() *errAliases {
	return t.c.aliasesOf(t.u, t.err)
}

// countTest refines on a comparison of the count with 0 or -1: the raw
// write returns -1 exactly when it fails.
func (t *tester) countTest(e *ast.BinaryExpr) (ifTrue, ifFalse errSet) {
	op, k, ok := t.c.countComparison(e, t.cnt)
	if !ok {
		return t.lengthTest(e)
	}
	// The three regions of n: -1 (an error), 0 and >0 (no error).
	neg, zero, pos := holds(op, -1, k), holds(op, 0, k), holds(op, 1, k)
	return regions(neg, zero, pos), regions(!neg, !zero, !pos)
}

// lengthTest refines on a comparison of the count with a length that
// cannot be negative (len(p), or a positive constant): a failed write
// returns -1, so where n == len(p) or n >= len(p) holds the write
// succeeded, in full.
func (t *tester) lengthTest(e *ast.BinaryExpr) (ifTrue, ifFalse errSet) {
	if t.cnt == nil {
		return errAny, errAny
	}
	op, x, y := e.Op, e.X, e.Y
	if t.c.varOf(y) == t.cnt {
		x, y, op = y, x, mirror(op)
	}
	if t.c.varOf(x) != t.cnt || !t.c.nonNegative(y) {
		return errAny, errAny // not the count against a length
	}
	switch op {
	case token.EQL, token.GEQ, token.GTR:
		return errNil, errAny
	case token.NEQ, token.LSS, token.LEQ:
		return errAny, errNil
	}
	return errAny, errAny
}

// nonNegative reports whether e is a call of len or cap, or a positive
// constant.
func (c *checker) nonNegative(e ast.Expr) bool {
	if k, ok := c.intConst(e); ok {
		return k > 0
	}
	name := c.builtinCalled(e)
	return name == "len" || name == "cap"
}

func regions(neg, zero, pos bool) errSet {
	var s errSet
	if neg {
		s |= errNonNil
	}
	if zero {
		s |= okZero
	}
	if pos {
		s |= okPos
	}
	return s
}

// holds evaluates "v op k".
func holds(op token.Token, v, k int64) bool {
	switch op {
	case token.EQL:
		return v == k
	case token.NEQ:
		return v != k
	case token.LSS:
		return v < k
	case token.LEQ:
		return v <= k
	case token.GTR:
		return v > k
	case token.GEQ:
		return v >= k
	}
	return true
}

// countComparison matches "n op k" (or "k op n") where n is cnt and k
// is an integer constant of at most 0, and returns it as "n op k".
func (c *checker) countComparison(e *ast.BinaryExpr, cnt *types.Var) (token.Token, int64, bool) {
	if cnt == nil {
		return 0, 0, false
	}
	op := e.Op
	x, y := e.X, e.Y
	if c.varOf(y) == cnt {
		x, y = y, x
		op = mirror(op)
	}
	if c.varOf(x) != cnt {
		return 0, 0, false // not about the count
	}
	k, ok := c.intConst(y)
	if !ok || k > 0 {
		return 0, 0, false // compared with a length, not with 0 or -1
	}
	return op, k, true
}

func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// intConst returns the value of an integer constant expression.
func (c *checker) intConst(e ast.Expr) (int64, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// isErrorValue reports whether e is a constant (such as syscall.EINTR)
// or a package-level variable: a known non-nil error other than EAGAIN.
func (c *checker) isErrorValue(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return true
	}
	id := refs.Leaf(e)
	return id != nil && refs.PackageVar(c.pass.TypesInfo.ObjectOf(id))
}

// isNil reports whether e is the untyped nil.
func (c *checker) isNil(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// isBoolConst reports whether e is the boolean constant want.
func (c *checker) isBoolConst(e ast.Expr, want bool) bool {
	tv, ok := c.pass.TypesInfo.Types[ast.Unparen(e)]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == want
}

// A visitor is called on each node of a path with the error values
// still possible there; it returns true to end the path at that node.
type visitor func(n ast.Node, s errSet) (stop bool)

// walk visits the paths of g that start just after node at, tracking
// what the conditions on the way say about the write's error.
func (t *tester) walk(g *cfg.CFG, at ast.Node, visit visitor) {
	b, i := nodeIndex(g, at)
	if b == nil {
		return // the node is not in this graph
	}
	t.walkFrom(b, i+1, visit)
}

// walkFrom visits the paths that start at node i of block b.
func (t *tester) walkFrom(b *cfg.Block, i int, visit visitor) {
	type item struct {
		b     *cfg.Block
		start int
		s     errSet
	}
	type key struct {
		b int32
		s errSet
	}
	seen := make(map[key]bool)
	work := []item{{b, i, errAny}}
	push := func(b *cfg.Block, s errSet) {
		if s&errAny == 0 || seen[key{b.Index, s}] {
			return // infeasible, or explored already
		}
		seen[key{b.Index, s}] = true
		work = append(work, item{b, 0, s})
	}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		t.walkBlock(it.b, it.start, it.s, visit, push)
	}
}

// walkBlock visits the nodes of b from start and pushes its successors.
func (t *tester) walkBlock(b *cfg.Block, start int, s errSet, visit visitor, push func(*cfg.Block, errSet)) {
	for i := start; i < len(b.Nodes); i++ {
		n := b.Nodes[i]
		if visit(n, s) {
			return // the visitor ended this path
		}
		if cond, ok := n.(ast.Expr); ok && i == len(b.Nodes)-1 && len(b.Succs) == 2 {
			tr, fa := t.refine(t.condition(cond))
			push(b.Succs[0], s&(tr|pathFlags))
			push(b.Succs[1], s&(fa|pathFlags))
			return
		}
		s = t.flags(n, s)
	}
	if len(b.Succs) == 2 {
		if tr, fa, ok := t.typeCase(b.Succs[0]); ok {
			push(b.Succs[0], s&(tr|pathFlags))
			push(b.Succs[1], s&(fa|pathFlags))
			return
		}
	}
	for _, succ := range b.Succs {
		push(succ, s)
	}
}

// typeCase refines on entering body, the block of a case of a type
// switch on the tracked error: case nil, case syscall.Errno (EAGAIN is
// one), or other types (not EAGAIN, unless an interface Errno satisfies).
func (t *tester) typeCase(body *cfg.Block) (ifTrue, ifFalse errSet, ok bool) {
	cc, ok := body.Stmt.(*ast.CaseClause)
	if !ok || body.Kind != cfg.KindSwitchCaseBody || !t.isTypeSwitchOnErr(cc) {
		return 0, 0, false
	}
	ifFalse = errAny
	for _, typ := range cc.List {
		tr, fa := t.caseType(typ)
		ifTrue |= tr
		if len(cc.List) == 1 {
			ifFalse = fa // with several types, a miss excludes only one of them
		}
	}
	return ifTrue, ifFalse, true
}

// caseType refines on one type of a case clause.
func (t *tester) caseType(typ ast.Expr) (ifTrue, ifFalse errSet) {
	if t.c.isNil(typ) {
		return errNil, errNonNil
	}
	tt := t.c.pass.TypesInfo.TypeOf(typ)
	switch {
	case tt == nil:
		return errAny, errAny
	case isErrno(tt):
		return errNonNil, errNoAgain
	case types.IsInterface(tt):
		iface, _ := tt.Underlying().(*types.Interface)
		if t.c.errno == nil || iface == nil || types.Implements(t.c.errno, iface) {
			return errNonNil, errAny // EAGAIN satisfies it: error, net.Error
		}
	}
	return errOther, errAny
}

// isTypeSwitchOnErr reports whether cc is a clause of a type switch on
// the tracked error.
func (t *tester) isTypeSwitchOnErr(cc *ast.CaseClause) bool {
	if t.err == nil {
		return false
	}
	if t.u.typeSwitches == nil {
		t.u.typeSwitches = typeSwitchSubjects(t.u.body)
	}
	x, ok := t.u.typeSwitches[cc]
	return ok && t.isErr(x)
}

// typeSwitchSubjects maps each clause of a type switch in body to the
// expression the switch is on.
func typeSwitchSubjects(body *ast.BlockStmt) map[*ast.CaseClause]ast.Expr {
	m := make(map[*ast.CaseClause]ast.Expr)
	ast.Inspect(body, func(n ast.Node) bool {
		sw, ok := n.(*ast.TypeSwitchStmt)
		if !ok {
			return true
		}
		var x ast.Expr
		switch a := sw.Assign.(type) {
		case *ast.AssignStmt:
			x = a.Rhs[0]
		case *ast.ExprStmt:
			x = a.X
		}
		if ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr); ok {
			for _, cl := range sw.Body.List {
				m[cl.(*ast.CaseClause)] = ta.X
			}
		}
		return true
	})
	return m
}

// flags updates the path flags of s after node n.
func (t *tester) flags(n ast.Node, s errSet) errSet {
	if t.clears(n) {
		s |= errCleared
	}
	if v, ok := t.setsDone(n); ok {
		s &^= doneSet
		if v {
			s |= doneSet
		}
	}
	return s
}

// setsDone reports whether n assigns the tracked named result, and
// whether it assigns the constant true.
func (t *tester) setsDone(n ast.Node) (isTrue, ok bool) {
	a, isAssign := n.(*ast.AssignStmt)
	if !isAssign || t.done == nil {
		return false, false
	}
	for i, l := range a.Lhs {
		if t.c.varOf(l) != t.done {
			continue
		}
		return len(a.Lhs) == len(a.Rhs) && t.c.isBoolConst(a.Rhs[i], true), true
	}
	return false, false
}

// clears reports whether n is "err = nil" for the tracked error.
func (t *tester) clears(n ast.Node) bool {
	a, ok := n.(*ast.AssignStmt)
	return ok && t.err != nil && len(a.Lhs) == 1 && len(a.Rhs) == 1 &&
		t.c.varOf(a.Lhs[0]) == t.err && t.c.isNil(a.Rhs[0])
}

// isErrno reports whether t is syscall.Errno (x/sys/unix.Errno is an alias).
func isErrno(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == syscallPath && n.Obj().Name() == "Errno"
}

// condition returns the boolean condition a branch node stands for: a
// case value v of "switch tag" stands for tag == v.
func (t *tester) condition(e ast.Expr) ast.Expr {
	if t.u.tags == nil {
		t.u.tags = switchTags(t.u.body)
	}
	if tag, ok := t.u.tags[e]; ok {
		return &ast.BinaryExpr{X: tag, Op: token.EQL, Y: e}
	}
	return e
}

// switchTags maps each case value of a tagged switch in body to the tag.
func switchTags(body *ast.BlockStmt) map[ast.Expr]ast.Expr {
	tags := make(map[ast.Expr]ast.Expr)
	ast.Inspect(body, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Tag == nil {
			return true // not a tagged switch
		}
		for _, cl := range sw.Body.List {
			for _, v := range cl.(*ast.CaseClause).List {
				tags[v] = sw.Tag
			}
		}
		return true
	})
	return tags
}

// nodeIndex finds the block and index of the graph node containing n.
func nodeIndex(g *cfg.CFG, n ast.Node) (*cfg.Block, int) {
	if g == nil {
		return nil, 0
	}
	for _, b := range g.Blocks {
		for i, m := range b.Nodes {
			if m == n || m.Pos() <= n.Pos() && n.End() <= m.End() && m.Pos().IsValid() {
				return b, i
			}
		}
	}
	return nil, 0
}
