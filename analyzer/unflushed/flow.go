package unflushed

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// dirty is whether the writer holds bytes not yet finished.
type dirty bool

// state is what a path knows when it enters a block: whether the writer
// is dirty, and an error variable the path has found non-nil (the false
// branch of `if err == nil`), whose return is a failure.
type state struct {
	dirty  dirty
	nonNil *types.Var
}

type visit struct {
	b *cfg.Block
	state
}

// search walks the control-flow graph of fn from w's definition and
// reports the first exit reached with w written but not finished.
func (c *checker) search(fn inspector.Cursor, g *cfg.CFG, w *writer, evs []event) {
	s := &walk{c: c, fn: fn, w: w, seen: make(map[visit]bool)}
	s.events = evs
	s.closes = c.destCloses(fn, w, evs)
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n == w.def {
				s.from(b, i+1, state{})
				return
			}
		}
	}
}

// walk is one search over a function's graph.
type walk struct {
	c      *checker
	fn     inspector.Cursor
	w      *writer
	events []event
	closes []*ast.CallExpr // Close of the destination under w
	seen   map[visit]bool
	done   bool // reported: one finding per writer
}

func (s *walk) from(b *cfg.Block, i int, st state) {
	if !b.Live {
		return // unreachable: after a call that never returns, or an endless loop
	}
	for ; i < len(b.Nodes) && !s.done; i++ {
		n := b.Nodes[i]
		var stop bool
		if st.dirty, stop = s.apply(n, st.dirty); stop {
			return
		}
		if st.nonNil != nil && s.c.paths.Assigns(n, st.nonNil) {
			st.nonNil = nil // reassigned: nothing known any more
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			s.exit(st, ret)
			return
		}
	}
	if s.done || len(b.Succs) == 0 {
		return // a call that never returns, or a select with no case left: the CFG ends functions with a return node
	}
	for k, succ := range b.Succs {
		if st.nonNil != nil && s.c.paths.NilOnBranch(b, k) == st.nonNil {
			continue // the path already knows the variable is non-nil
		}
		next := st
		if v := s.c.paths.NonNilOnBranch(b, k); v != nil {
			next.nonNil = v
		}
		if key := (visit{succ, next}); !s.seen[key] {
			s.seen[key] = true
			s.from(succ, 0, next)
		}
	}
}

// apply runs the uses of w inside node n in source order and returns the
// new state; stop is true when the path needs no further search.
func (s *walk) apply(n ast.Node, d dirty) (dirty, bool) {
	for _, ev := range s.eventsIn(n) {
		switch ev.kind {
		case useWrite:
			d = true
		case useFinish:
			d = false
		case useDeferFinish:
			return d, true // every exit after this finishes w
		case useEscape:
			return d, true // from here someone else may finish w
		}
	}
	if d {
		for _, call := range s.closes {
			if call.Pos() >= n.Pos() && call.End() <= n.End() && (!s.failing(n) || s.answerLost(n)) {
				s.report(call.Pos(), call.End(), "before "+closeName(call))
				return d, true
			}
		}
	}
	return d, false
}

func (s *walk) eventsIn(n ast.Node) []event {
	var evs []event
	for _, ev := range s.events {
		if ev.pos >= n.Pos() && ev.pos < n.End() {
			evs = append(evs, ev)
		}
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].pos < evs[j].pos })
	return evs
}

// exit judges a return reached in state st. The CFG ends a function
// without results with a return of its own, which is not in the syntax
// tree: that is the end of the function.
func (s *walk) exit(st state, ret *ast.ReturnStmt) {
	if !st.dirty {
		return
	}
	if st.nonNil != nil && !s.returnsError() && !s.answerLost(ret) {
		return // an error was found and handled: nothing to report it in
	}
	cur, ok := s.fn.FindNode(ret)
	if !ok {
		s.endOfBody()
		return
	}
	if s.c.paths.ReturnFails(cur, ret) && !s.answerLost(ret) || s.c.paths.ReturnsVar(ret, st.nonNil) {
		return // the path reports failure
	}
	s.report(ret.Pos(), ret.End(), "before returning")
}

// endOfBody judges falling off the end of the function.
func (s *walk) endOfBody() {
	body := bodyOf(s.fn.Node())
	bodyCur, ok := s.fn.FindNode(body)
	if !ok || s.c.paths.ReturnFails(bodyCur, nil) {
		return
	}
	s.report(body.Rbrace, body.Rbrace+1, "before the function ends")
}

func (s *walk) report(pos, end token.Pos, where string) {
	s.done = true
	w := s.w
	verb := "flushed"
	if w.finishName() == "Close" {
		verb = "closed"
	}
	s.c.report.Report(analysis.Diagnostic{
		Pos: pos, End: end,
		Message: fmt.Sprintf("%s %q is not %s %s; %s", w.kind, w.v.Name(), verb, where, neverWritten(w.lost)),
		Related: []analysis.RelatedInformation{{Pos: w.def.Pos(), End: w.def.End(), Message: "writer created here"}},
	})
}

func neverWritten(lost string) string {
	if lost == "" {
		lost = "buffered bytes"
	}
	return lost + " would be lost"
}

// closeName renders conn.Close for a call conn.Close().
func closeName(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "the destination is closed"
	}
	if x := refs.Short(sel.X); x != "" {
		return x + "." + sel.Sel.Name
	}
	return sel.Sel.Name
}

// failing reports whether the CFG node n lies on a path that already
// reports failure: closing the destination there reports nothing as done.
func (s *walk) failing(n ast.Node) bool {
	cur, ok := s.fn.FindNode(n)
	if !ok {
		return false
	}
	if ret, ok := n.(*ast.ReturnStmt); ok {
		return s.c.paths.ReturnFails(cur, ret)
	}
	if _, ok := n.(ast.Stmt); !ok {
		return false // a condition: not a statement that paths can place
	}
	return s.c.paths.Failing(cur)
}

// returnsError reports whether the function searched returns an error.
func (s *walk) returnsError() bool {
	sig, ok := s.c.signatureOf(s.fn.Node())
	return ok && knowledge.LastIsError(sig)
}
