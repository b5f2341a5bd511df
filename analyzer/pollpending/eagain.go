package pollpending

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// checkEAGAIN reports a raw write whose EAGAIN is caught and answered
// with success: nil, the full length with a nil error, or done, with
// nothing on the way that retries, waits, or keeps the bytes.
func (c *checker) checkEAGAIN(s *site) {
	if _, ok := c.callbacks[s.u]; ok {
		return // a RawConn callback: checkCallbacks covers it
	}
	ret, viaDone := c.successAfterEAGAIN(s)
	if ret == nil {
		return
	}
	if !viaDone && !c.ownsBytes(s) {
		return // the bytes live on in a field or global, for a later retry
	}
	bytes := "bytes"
	if s.spec.buf >= 0 && s.spec.buf < len(s.call.Args) {
		bytes = "bytes of " + types.ExprString(s.call.Args[s.spec.buf])
	}
	msg := fmt.Sprintf("EAGAIN from %s is treated as success; nothing waits for the socket and the unsent %s are dropped",
		calleeName(s.call), bytes)
	c.report(ret.Pos(), ret.End(), msg, []analysis.RelatedInformation{{
		Pos:     s.call.Pos(),
		End:     s.call.End(),
		Message: "the write that may return EAGAIN",
	}}, nil)
}

// successAfterEAGAIN returns a return statement that claims success on
// a path where the write's error may be EAGAIN, and whether it claims it
// with a done result (true) rather than a nil error.
func (c *checker) successAfterEAGAIN(s *site) (*ast.ReturnStmt, bool) {
	var found *ast.ReturnStmt
	var viaDone bool
	t := &tester{c: c, u: s.u, err: s.errVar, cnt: s.cntVar}
	t.walk(s.g, s.node, func(n ast.Node, set errSet) bool {
		switch {
		case found != nil, set&errAgain == 0:
			return true // found, or EAGAIN is ruled out on this path
		case s.retries(n):
			return true // the write again: a retry
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			if claimed, done := c.claimsDone(t, s, ret, set); claimed {
				found, viaDone = ret, done
			}
			return true
		}
		if set&errOther != 0 {
			return false // EAGAIN is not told apart from failures yet
		}
		return c.keepsPending(s.u, n)
	})
	return found, viaDone
}

// claimsDone reports whether ret, reached where the error may be EAGAIN
// (set), claims the write done, and whether it does so with a done
// result. Where EAGAIN is caught (told apart from failures, if not from
// success, as after "if err != nil && err != EAGAIN { return err }"), a
// claim is a nil error (see nilError), with the full length len(...) for
// a count and true for a done result. Anywhere, it is a done result that
// a test makes true on EAGAIN (err == nil || err == EAGAIN), with a nil
// error if there is one.
func (c *checker) claimsDone(t *tester, s *site, ret *ast.ReturnStmt, set errSet) (claimed, viaDone bool) {
	res := s.u.sig.Results()
	if res.Len() == 0 || len(ret.Results) != res.Len() {
		return false, false // nothing to claim with, or a bare return
	}
	caught, doneAt, hasErr := set&errOther == 0, -1, false // EAGAIN told apart from failures
	for i, e := range ret.Results {
		switch typ := res.At(i).Type(); {
		case isError(typ):
			if !c.nilError(s, e, set) {
				return false, false // the caller learns of the failure
			}
			hasErr = true
		case isBool(typ):
			isTrue, tested := t.trueOnAgain(e)
			if !isTrue || doneAt >= 0 {
				return false, false // false, done: the caller can tell
			}
			doneAt, caught = i, caught || tested
		case isInt(typ):
			if !c.isLenCall(e) {
				return false, false // a partial count (0, n, total): the caller can tell
			}
		}
	}
	if !caught || !hasErr && doneAt < 0 {
		return false, false // EAGAIN not told apart, or nothing that says success
	}
	if doneAt >= 0 && !c.trueMeansDone(s, doneAt) {
		return false, false // true means something else, such as "would block"
	}
	return true, doneAt >= 0
}

// nilError reports whether e, an error returned where set holds, says
// nothing of the write: the nil literal, the write's error variable after
// it was cleared, or the error of closing a descriptor, which reports the
// close, not the bytes that were never sent.
func (c *checker) nilError(s *site, e ast.Expr, set errSet) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return c.isSysClose(call)
	}
	return c.isNil(e) || set&errCleared != 0 && s.errVar != nil && c.varOf(e) == s.errVar
}

// isSysClose reports whether call is Close of syscall or x/sys/unix.
func (c *checker) isSysClose(call *ast.CallExpr) bool {
	fn := c.callee(call)
	return fn != nil && isSysPkg(fn.Pkg()) && fn.Name() == "Close"
}

// trueOnAgain reports whether e, a returned bool, is true when the error
// is EAGAIN: the constant true (if EAGAIN was caught on the way), or a
// test of the error that holds for EAGAIN and fails for another outcome.
func (t *tester) trueOnAgain(e ast.Expr) (isTrue, tested bool) {
	if t.c.isBoolConst(e, true) {
		return true, false
	}
	ifTrue, ifFalse := t.refine(e)
	if ifTrue == errAny && ifFalse == errAny {
		return false, false // says nothing about the error
	}
	return ifFalse&errAgain == 0, true
}

// trueMeansDone reports whether the i-th result of the function of s,
// a bool, answers true on success: some return reached where the write
// succeeded gives it as anything but false. A function whose true means
// "would block" gives false there.
func (c *checker) trueMeansDone(s *site, i int) bool {
	return c.successReturn(s.u, s, func(ret *ast.ReturnStmt, set errSet) bool {
		return set&errNonNil == 0 && len(ret.Results) > i && !c.isBoolConst(ret.Results[i], false)
	})
}

// successReturn reports whether ok holds for some return of u reached
// from the write at s on a path where the write's error may be nil (set
// says what is known of it there), before the write runs again.
func (c *checker) successReturn(u *unit, s *site, ok func(ret *ast.ReturnStmt, set errSet) bool) bool {
	found := false
	t := &tester{c: c, u: u, err: s.errVar, cnt: s.cntVar}
	t.walk(s.g, s.node, func(n ast.Node, set errSet) bool {
		if found || set&errNil == 0 || n == s.node {
			return true // done, a failed write, or the write again
		}
		ret, isRet := n.(*ast.ReturnStmt)
		if !isRet {
			return false
		}
		found = ok(ret, set)
		return true
	})
	return found
}

// isLenCall reports whether e is a call of the builtin len.
func (c *checker) isLenCall(e ast.Expr) bool {
	return c.builtinCalled(e) == "len"
}

// builtinCalled returns the name of the builtin e calls, or "".
func (c *checker) builtinCalled(e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return ""
	}
	if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
		return b.Name()
	}
	return ""
}

// ownsBytes reports whether the bytes s writes belong to the function
// (a parameter, a local, a literal): if the write is abandoned, nothing
// else holds them.
func (c *checker) ownsBytes(s *site) bool {
	if s.spec.buf < 0 || s.spec.buf >= len(s.call.Args) {
		return true // unknown: the caller passed them
	}
	e := s.call.Args[s.spec.buf]
	for {
		e = c.unconvert(e)
		sl, ok := e.(*ast.SliceExpr)
		if !ok {
			break
		}
		e = sl.X
	}
	if _, ok := e.(*ast.CompositeLit); ok {
		return true
	}
	v := c.varOf(e)
	return v != nil && s.u.isLocal(v)
}

// keepsPending reports whether statement n may retry later, wait for
// writability or keep the bytes: it calls something other than a
// formatting or logging function or a close of the descriptor, stores
// outside the function's locals (other than counting, with ++ or +=),
// sends on a channel, or starts a goroutine.
func (c *checker) keepsPending(u *unit, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.SendStmt, *ast.GoStmt, *ast.DeferStmt:
		return true
	case *ast.ExprStmt:
		if isReceive(n.X) {
			return true // <-writable: waits
		}
	case *ast.AssignStmt:
		counts := n.Tok != token.ASSIGN && n.Tok != token.DEFINE
		for _, l := range n.Lhs {
			if counts && c.isNumber(l) {
				continue // a counter (d.dropped += 1): counting the bytes does not keep them
			}
			if c.keepsStore(u, l, n.Rhs) {
				return true // stored outside: kept for later (a state set with = may say "wait")
			}
		}
	case *ast.IncDecStmt:
		// a counter (d.dropped++): counting the bytes does not keep them
	case ast.Expr:
		return false // a condition: calls there decide, they do not act
	}
	return c.hasEffectfulCall(n)
}

// isNumber reports whether e has a numeric type: adding to a number (a
// drop counter) cannot keep the bytes.
func (c *checker) isNumber(e ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(e)
	if t == nil {
		return false // _
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsNumeric != 0
}

// keepsStore reports whether assigning rhs to lhs may keep the write
// for later: a store outside u's locals, unless it only updates a
// package-level variable from package-level values (a drop counter).
func (c *checker) keepsStore(u *unit, lhs ast.Expr, rhs []ast.Expr) bool {
	if c.isLocalTarget(u, lhs) {
		return false // a local: gone when the function returns
	}
	if c.mentionsLocal(lhs) {
		return true // c.out = ..., bufs[fd] = ...
	}
	for _, r := range rhs {
		if c.mentionsLocal(r) {
			return true // pending = p
		}
	}
	return false
}

// isReceive reports whether e is a channel receive.
func isReceive(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// isLocalTarget reports whether assigning to e changes only a local of u.
func (c *checker) isLocalTarget(u *unit, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false // a field, an element or a pointer target
	}
	if id.Name == "_" {
		return true
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v != nil && u.isLocal(v)
}

// hasEffectfulCall reports whether n calls a function that may act on
// the pending write: anything but a conversion, a builtin, a function
// of a formatting, logging or error package, or a call that mentions no
// variable of the function.
func (c *checker) hasEffectfulCall(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		if _, ok := m.(*ast.FuncLit); ok {
			return false // not called here
		}
		call, ok := m.(*ast.CallExpr)
		if !ok || c.isType(call.Fun) {
			return true
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if _, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
				return true // len, append, copy
			}
		}
		found = !c.isInertCall(call) && c.mentionsLocal(call)
		return !found
	})
	return found
}

// mentionsLocal reports whether n refers to a local variable: a call
// that touches neither the function's state nor its arguments (a
// package-level counter, runtime.Gosched) cannot act on this write.
func (c *checker) mentionsLocal(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && !found {
			v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
			found = ok && !v.IsField() && v.Pkg() != nil && v.Parent() != v.Pkg().Scope()
		}
		return !found
	})
	return found
}

// isInertCall reports whether call only formats, logs or builds errors,
// or closes a descriptor, which abandons the bytes rather than keeping
// them.
func (c *checker) isInertCall(call *ast.CallExpr) bool {
	fn := c.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false // dynamic: may do anything
	}
	if c.isSysClose(call) {
		return true
	}
	switch fn.Pkg().Path() {
	case "fmt", "log", "log/slog", "errors", "strconv", "strings", "bytes":
		return true
	}
	return false
}
