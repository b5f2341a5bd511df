package pollpending

import (
	"fmt"
	"go/ast"
	"go/types"
)

// errTestFact marks a func(err) bool whose answer tells something about
// err: IfTrue and IfFalse are the errSets left when it returns true and
// false. isEAGAIN(err) has IfTrue = EAGAIN; isClosed(err) has IfTrue =
// another error.
type errTestFact struct{ IfTrue, IfFalse errSet }

func (*errTestFact) AFact() {}
func (f *errTestFact) String() string {
	return fmt.Sprintf("errTest(true:%v false:%v)", f.IfTrue, f.IfFalse)
}

// isEAGAINTest reports whether f holds exactly for EAGAIN.
func (f *errTestFact) isEAGAINTest() bool {
	return f.IfTrue == errAgain && f.IfFalse&errAgain == 0
}

// pollWriteFact marks a function returning (n int, err error) straight
// from a raw write: n may be short and err may be EAGAIN. Buf is the
// index of the parameter holding the bytes, or -1.
type pollWriteFact struct{ Buf int }

func (*pollWriteFact) AFact()           {}
func (f *pollWriteFact) String() string { return fmt.Sprintf("pollWrite(buf=%d)", f.Buf) }

// pollDoneFact marks a function returning (done bool) that returns
// false when its raw write would block.
type pollDoneFact struct{}

func (*pollDoneFact) AFact()         {}
func (*pollDoneFact) String() string { return "pollDone" }

// pollPkgFact marks a package that declares a function with one of the
// facts above, so that its importers cannot take the fast path.
type pollPkgFact struct{}

func (*pollPkgFact) AFact()         {}
func (*pollPkgFact) String() string { return "pollAPI" }

// summary is what pollpending knows about one function.
type summary struct {
	errTest   *errTestFact
	pollWrite *pollWriteFact
	pollDone  bool
}

func (s *summary) any() bool { return s.errTest != nil || s.pollWrite != nil || s.pollDone }

// summaryOf returns the summary of fn: from facts if fn is imported,
// from its body if it is declared in this package.
func (c *checker) summaryOf(fn *types.Func) *summary {
	if s, ok := c.sums[fn]; ok {
		return s
	}
	s := new(summary)
	c.sums[fn] = s // a recursive request sees an empty summary
	if fn.Pkg() == nil {
		return s // a method of error or another universe object
	}
	if fn.Pkg() != c.pass.Pkg {
		c.importSummary(fn, s)
		return s
	}
	if decl := c.cfgs.Decl(fn); decl != nil && decl.Body != nil {
		c.summarize(fn, decl, s)
	}
	return s
}

func (c *checker) importSummary(fn *types.Func, s *summary) {
	var et errTestFact
	if c.pass.ImportObjectFact(fn, &et) {
		s.errTest = &et
	}
	var pw pollWriteFact
	if c.pass.ImportObjectFact(fn, &pw) {
		s.pollWrite = &pw
	}
	s.pollDone = c.pass.ImportObjectFact(fn, new(pollDoneFact))
}

// summarize computes the summary of a function of this package from
// its body and exports it as facts.
func (c *checker) summarize(fn *types.Func, decl *ast.FuncDecl, s *summary) {
	u := c.unitOf(decl)
	if u == nil {
		return
	}
	s.errTest = c.errTestOf(u)
	s.pollWrite = c.pollWriteOf(fn, u)
	s.pollDone = c.isPollDone(u)
	if s.errTest != nil {
		c.pass.ExportObjectFact(fn, s.errTest)
	}
	if s.pollWrite != nil {
		c.pass.ExportObjectFact(fn, s.pollWrite)
	}
	if s.pollDone {
		c.pass.ExportObjectFact(fn, new(pollDoneFact))
	}
}

// exportFacts summarizes every function of the package, so that its
// facts reach importers, and marks the package if any has one.
func (c *checker) exportFacts() {
	found := false
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue // not a function
			}
			fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || fd.Body == nil {
				continue // no type or no body
			}
			if c.summaryOf(fn).any() {
				found = true
			}
		}
	}
	if found {
		c.pass.ExportPackageFact(new(pollPkgFact))
	}
}

// errTestOf returns the fact for u when it is a func(err) bool whose
// answers tell something about err. Every path to a return is read with
// what its conditions say about err, so the helper may be one expression
// or several statements:
//
//	errno, ok := err.(syscall.Errno)
//	return ok && (errno == syscall.EAGAIN || errno == syscall.EWOULDBLOCK)
func (c *checker) errTestOf(u *unit) *errTestFact {
	sig := u.sig
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) {
		return nil // not a one-argument predicate
	}
	g := c.graph(u)
	if g == nil || len(g.Blocks) == 0 {
		return nil
	}
	t := &tester{c: c, u: u, err: sig.Params().At(0)}
	var ifTrue, ifFalse errSet
	t.walkFrom(g.Blocks[0], 0, func(n ast.Node, set errSet) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			return false
		}
		tr, fa := errAny, errAny // a bare return of a named result: unknown
		if len(ret.Results) == 1 {
			tr, fa = t.answer(ret.Results[0])
		}
		ifTrue |= set & tr & errAny
		ifFalse |= set & fa & errAny
		return true
	})
	if ifTrue == 0 || ifFalse == 0 || ifTrue == errAny && ifFalse == errAny {
		return nil // a constant answer, or one that says nothing about err
	}
	return &errTestFact{IfTrue: ifTrue, IfFalse: ifFalse}
}

// answer refines on a returned boolean: a constant holds (or fails)
// whatever the error.
func (t *tester) answer(e ast.Expr) (ifTrue, ifFalse errSet) {
	switch {
	case t.c.isBoolConst(e, true):
		return errAny, 0
	case t.c.isBoolConst(e, false):
		return 0, errAny
	}
	return t.refine(e)
}

// pollWriteOf returns the fact for u when it returns (n int, err error)
// and, on some path where its raw write succeeded, returns that write's
// count: the count may be short and the error may be EAGAIN.
func (c *checker) pollWriteOf(fn *types.Func, u *unit) *pollWriteFact {
	if !resultsFit(u.sig, true) || isWriterMethod(fn) {
		return nil // not (int, error), or bound by io.Writer's contract
	}
	for _, s := range c.sitesOf(u) {
		if s.spec.count && c.countReturned(u, s) {
			return &pollWriteFact{Buf: c.bufParam(u, s)}
		}
	}
	return nil
}

// isWriterMethod reports whether fn is a Write([]byte) (int, error)
// method: io.Writer's contract makes it report short writes as errors.
func isWriterMethod(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || fn.Name() != "Write" || sig.Params().Len() != 1 {
		return false
	}
	s, ok := sig.Params().At(0).Type().Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// countReturned reports whether u returns the count of s, as it came,
// on a path where the write succeeded.
func (c *checker) countReturned(u *unit, s *site) bool {
	if ret, ok := c.parentOfCall(u, s.call).(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
		return true // return unix.Write(fd, p)
	}
	if s.cntVar == nil {
		return false
	}
	return c.successReturn(u, s, func(ret *ast.ReturnStmt, _ errSet) bool {
		switch len(ret.Results) {
		case 0:
			return u.sig.Results().At(0) == s.cntVar // a bare return of the named count
		case 2:
			return c.varOf(ret.Results[0]) == s.cntVar
		}
		return false
	})
}

// parentOfCall returns the nearest non-parenthesis ancestor of call in u.
func (c *checker) parentOfCall(u *unit, call *ast.CallExpr) ast.Node {
	var parent ast.Node
	var stack []ast.Node
	ast.Inspect(u.body, func(n ast.Node) bool {
		if parent != nil {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if n == call {
			parent = parentOf(stack)
			return false
		}
		stack = append(stack, n)
		return true
	})
	return parent
}

// falseOnEAGAIN reports whether e, returned where the error is one of
// set, is false whenever the error is EAGAIN.
func (t *tester) falseOnEAGAIN(e ast.Expr, set errSet) bool {
	if t.c.isBoolConst(e, false) {
		return set&errAny == errAgain
	}
	ifTrue, _ := t.refine(e)
	return set&errAgain != 0 && ifTrue&errAgain == 0
}

// bufParam returns the index of the parameter whose bytes s writes.
func (c *checker) bufParam(u *unit, s *site) int {
	if s.spec.buf < 0 || s.spec.buf >= len(s.call.Args) {
		return -1
	}
	root := c.rootVar(s.call.Args[s.spec.buf])
	params := u.sig.Params()
	for i := range params.Len() {
		if root != nil && params.At(i) == root {
			return i
		}
	}
	return -1
}

// isPollDone reports whether u returns (done bool), or (done bool, err
// error), and returns done false (with a nil error) when one of its raw
// writes reports EAGAIN: the constant false once EAGAIN is caught, or an
// expression that is false for EAGAIN, such as err != unix.EAGAIN.
func (c *checker) isPollDone(u *unit) bool {
	if !isDoneSig(u.sig) {
		return false
	}
	for _, s := range c.sitesOf(u) {
		found := false
		t := &tester{c: c, u: u, err: s.errVar, cnt: s.cntVar}
		t.walk(s.g, s.node, func(n ast.Node, set errSet) bool {
			if found || set&errAgain == 0 || s.retries(n) {
				return true // done, no EAGAIN on this path, or retried
			}
			ret, ok := n.(*ast.ReturnStmt)
			if !ok {
				return false
			}
			found = len(ret.Results) > 0 && t.falseOnEAGAIN(ret.Results[0], set) &&
				(len(ret.Results) == 1 || c.isNil(ret.Results[1]))
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// isDoneSig reports whether sig returns (done bool) or (done bool, err
// error).
func isDoneSig(sig *types.Signature) bool {
	res := sig.Results()
	switch res.Len() {
	case 1:
		return isBool(res.At(0).Type())
	case 2:
		return isBool(res.At(0).Type()) && isError(res.At(1).Type())
	}
	return false
}
