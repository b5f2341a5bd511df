package closeorder

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// The flow analysis runs forward over a function's control-flow graph
// with a set of facts per program point. Each fact stands for at least
// one path from the entry: a transfer maps one fact to at most one fact
// of the same ref, or derives a new fact from one fact and the event
// (a close of the destination a writer's fact points at), so the union
// at joins loses no path and a fact at a point proves a path that
// reaches it. Two transfers relate facts of different refs and so may
// combine paths: bytes written to a writer mark its destination written,
// and a read through a writer marks its connection answered; both only
// matter to SetLinger.
type factKind uint8

const (
	kSt factKind = iota // the state of a ref: flags, destination, deferred finish
	kCl                 // a destination of the writer was closed at site
	kDo                 // a defer at site closes the destination before the writer's deferred finish
	kPu                 // the writer was put back in a pool at site
	kDp                 // a deferred Put at site will hand the writer back at exit
	kLg                 // SetLinger(0) was called on the connection at site
	kFl                 // the buffered destination cur was flushed at site, before the writer's finish
	kFp                 // the writer was finished at dsite after the last flush (at site) of its buffered destination cur
	kDf                 // a defer at site flushes the buffered destination cur before the writer's deferred finish
	kRd                 // the buffer cur was read at site while the finalizing writer was flushed, not closed
	kRc                 // the writer was closed at dsite after the last read (at site) of its buffer cur
)

type flags uint8

const (
	fW flags = 1 << iota // bytes written since the last finish
	fO                   // a finalizing writer not yet closed
	fD                   // a deferred Close or Flush of it is registered
	fC                   // closed explicitly: later writes fail, nothing is pending
	fU                   // a field writer, which may hold bytes from before this function
	fE                   // written since made, reset or closed: a Flush does not clear it
	fB                   // a finish of its buffered destination was deferred before its own deferred finish
)

type fact struct {
	kind  factKind
	flags flags
	id    int32
	site  int32 // the site of every kind but kSt, which has -1
	cur   int32 // kSt: the destination the writer writes to now, -1 if unknown, stale if its variable was reassigned; kFl, kFp, kDf, kRd, kRc: the buffered destination or buffer
	dsite int32 // the deferred finish that set fD (kFp, kRc: the late finish), or -1

	// An error variable this path has tested against nil, and whether
	// it was found non-nil: a later test of it takes one branch only,
	// and returning it non-nil reports failure.
	errv   *types.Var
	nonNil bool
}

type state map[fact]struct{}

// stale is the destination of a writer whose destination variable has
// been assigned since: known, but no ref names it any more.
const stale = -2

func (s state) add(f fact) { s[f] = struct{}{} }

// failed reports whether the path of g found an error non-nil and has
// not assigned it since: the bytes it still holds are known not to have
// made it (if err == nil { err = zw.Close() } skips the Close).
func (g fact) failed() bool { return g.errv != nil && g.nonNil }

// unfinished reports whether the writer of g holds bytes for its
// destination: written since the last finish, or a finalizing writer
// written to and flushed but not closed (its footer is still to come).
func (g fact) unfinished() bool {
	return g.flags&fW != 0 || g.flags&(fO|fE) == fO|fE
}

// of returns the facts of ref id.
func (s state) of(id int) []fact {
	var fs []fact
	for f := range s {
		if int(f.id) == id {
			fs = append(fs, f)
		}
	}
	return fs
}

// update replaces each fact of ref id by fn's answer, or drops it.
func (s state) update(id int, fn func(f fact) (fact, bool)) {
	for _, f := range s.of(id) {
		delete(s, f)
		if g, ok := fn(f); ok {
			s.add(g)
		}
	}
}

// flow is the analysis of one function (declared or literal).
type flow struct {
	c         *checker
	m         *model
	unit      inspector.Cursor
	g         *cfg.CFG
	events    [][]event
	deferLits []*ast.FuncLit // literals this unit defers: they start from its exits
}

func (c *checker) checkUnit(m *model, unit inspector.Cursor) {
	g := c.cfgs.Func(unit.Node())
	if g == nil || len(g.Blocks) == 0 {
		return
	}
	x := c.newExtractor(m)
	f := &flow{c: c, m: m, unit: unit, g: g, events: make([][]event, len(g.Blocks))}
	lhs := rangeAndCommLHS(g)
	found := false
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		if rs, ok := b.Stmt.(*ast.RangeStmt); ok && b.Kind == cfg.KindRangeBody {
			f.events[b.Index] = append(f.events[b.Index], x.assigned(rs.Key, rs.Value, rs)...)
		}
		for _, n := range b.Nodes {
			if st, ok := lhs[n]; ok {
				if as, ok := st.(*ast.AssignStmt); ok {
					f.events[b.Index] = append(f.events[b.Index], x.assigned(n.(ast.Expr), nil, as)...)
				}
				continue
			}
			f.events[b.Index] = append(f.events[b.Index], x.node(n)...)
		}
		found = found || len(f.events[b.Index]) > 0
	}
	f.deferLits = x.deferLits
	if found {
		f.solve()
	}
}

// rangeAndCommLHS returns the nodes the graph lists apart from their
// assignment: the key and value of a range statement, listed once before
// the loop, and the variable of a select case, listed as a bare
// expression. Both are assigned where the body begins.
func rangeAndCommLHS(g *cfg.CFG) map[ast.Node]ast.Stmt {
	lhs := make(map[ast.Node]ast.Stmt)
	for _, b := range g.Blocks {
		switch s := b.Stmt.(type) {
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{s.Key, s.Value} {
				if e != nil {
					lhs[e] = s
				}
			}
		case *ast.CommClause:
			if as, ok := s.Comm.(*ast.AssignStmt); ok && len(as.Lhs) > 0 && b.Kind == cfg.KindSelectCaseBody {
				lhs[as.Lhs[0]] = as
			}
		}
	}
	return lhs
}

// entry returns the facts at the entry of the unit. A ref declared in
// it starts clean. A ref a literal captures starts as it was where the
// literal was made (for a deferred literal: at the exits of the function
// deferring it), as the enclosing function's analysis recorded.
func (f *flow) entry() state {
	s := make(state)
	lo, hi := f.unit.Node().Pos(), f.unit.Node().End()
	lit, _ := f.unit.Node().(*ast.FuncLit)
	recorded := f.m.litEntry[lit]
	for id, t := range f.m.refs {
		p := t.ref.root.Pos()
		captured := lit != nil && (p < lo || p >= hi)
		if captured && recorded != nil {
			for g := range recorded {
				if int(g.id) == id {
					s.add(g)
				}
			}
			continue
		}
		s.add(f.startFact(id, captured))
	}
	return s
}

// startFact is the state ref id starts in: clean, but for field writers
// that may hold bytes from before the function, and a writer a literal
// captures, whose destination is known.
func (f *flow) startFact(id int, captured bool) fact {
	t := f.m.refs[id]
	st := fact{kind: kSt, id: int32(id), site: -1, cur: -1, dsite: -1}
	switch {
	case t.pairDest >= 0:
		// A field writer over another field: it may hold bytes
		// written before this function runs.
		st.cur = int32(t.pairDest)
		st.flags = fU
	case t.ref.path != "" && t.wrapper && t.written && f.c.carriedField(t):
		// A field writer over a destination this function does not
		// know, left written and unfinished by a function of the
		// package: it may hold bytes from before, bound for that
		// destination.
		st.flags = fU
	case captured && len(t.dests) == 1:
		st.cur = int32(t.dests[0])
	}
	if st.flags&fU != 0 && t.finalizing {
		st.flags |= fO
	}
	return st
}

// record notes the state of the refs at the making of a literal (or at
// an exit, for a deferred one): where the literal's own analysis starts.
func (f *flow) record(lit *ast.FuncLit, s state) {
	if f.m.litEntry == nil {
		f.m.litEntry = make(map[*ast.FuncLit]state)
	}
	e := f.m.litEntry[lit]
	if e == nil {
		e = make(state)
		f.m.litEntry[lit] = e
	}
	for g := range s {
		if g.kind == kSt {
			g.flags &^= fD // a defer of the enclosing function is not the literal's
			g.dsite, g.errv, g.nonNil = -1, nil, false
			e.add(g)
		}
	}
}

// predecessors returns the predecessors of each block of g.
func predecessors(g *cfg.CFG) [][]*cfg.Block {
	preds := make([][]*cfg.Block, len(g.Blocks))
	for _, b := range g.Blocks {
		for _, s := range b.Succs {
			preds[s.Index] = append(preds[s.Index], b)
		}
	}
	return preds
}

// solve runs the analysis to a fixed point, checking the exits as their
// facts change.
func (f *flow) solve() {
	blocks := f.g.Blocks
	preds := predecessors(f.g)
	out := make([]state, len(blocks))
	init := f.entry()
	work := newWorklist(f.g)
	for _, b := range blocks {
		if b.Live {
			work.push(b.Index)
		}
	}
	exits := make(map[int32]bool) // exit blocks already classified: true if normal
	for work.Len() > 0 {
		b := blocks[work.pop()]
		in := f.blockIn(b, preds[b.Index], out, init)
		if out[b.Index] != nil && maps.Equal(in, out[b.Index]) {
			continue
		}
		out[b.Index] = in
		if len(b.Succs) == 0 {
			f.exit(b, in, exits)
		}
		for _, s := range b.Succs {
			work.push(s.Index)
		}
	}
}

// exit checks the facts in at exit block b, if it is a normal exit;
// exits holds the blocks already classified (true if normal).
func (f *flow) exit(b *cfg.Block, in state, exits map[int32]bool) {
	normal, ok := exits[b.Index]
	if !ok {
		normal = f.normalExit(b)
		exits[b.Index] = normal
	}
	if normal {
		f.atExit(in, b)
	}
}

// blockIn returns the facts at the end of block b: those its
// predecessors pass along their edges (and init, at the entry block),
// through b's events.
func (f *flow) blockIn(b *cfg.Block, preds []*cfg.Block, out []state, init state) state {
	in := make(state)
	if b.Index == 0 {
		maps.Copy(in, init)
	}
	for _, p := range preds {
		for k, succ := range p.Succs {
			if succ == b && out[p.Index] != nil {
				f.edge(in, out[p.Index], p, k)
			}
		}
	}
	if len(b.Nodes) > 0 {
		in.forgetOutOfScope(b.Nodes[0].Pos())
	}
	in.mergeSites()
	for _, ev := range f.events[b.Index] {
		f.apply(in, ev)
	}
	return in
}

// forgetOutOfScope drops, at pos, what paths know of an error variable
// found nil whose scope pos is outside (if _, err := w.Write(p); err !=
// nil {...}): no later test or return can name it. Without this the
// facts multiply with every such test a path may have passed.
func (s state) forgetOutOfScope(pos token.Pos) {
	for g := range s {
		if g.errv == nil || g.nonNil {
			continue
		}
		if sc := g.errv.Parent(); sc != nil && sc.Pos().IsValid() && !sc.Contains(pos) {
			delete(s, g)
			g.errv = nil
			s.add(g)
		}
	}
}

// sitelessFact is a fact without the sites it points at.
type sitelessFact struct {
	kind   factKind
	flags  flags
	id     int32
	cur    int32
	errv   *types.Var
	nonNil bool
}

// maxSites bounds the facts that differ only in their sites: how many
// distinct early closes, flushes or puts one fact tracks at a point.
const maxSites = 8

// mergeSites keeps, of the facts that differ only in their sites, the
// maxSites with the first sites. Each stands for a path, so those kept
// still prove their own; the others' findings wait until these are
// fixed. Without this the facts multiply with every flush, close or put
// site a path may have passed, and a long function's search with them.
func (s state) mergeSites() {
	groups := make(map[sitelessFact][]fact)
	for g := range s {
		if g.kind != kSt {
			k := sitelessFact{g.kind, g.flags, g.id, g.cur, g.errv, g.nonNil}
			groups[k] = append(groups[k], g)
		}
	}
	for _, fs := range groups {
		if len(fs) <= maxSites {
			continue
		}
		slices.SortFunc(fs, func(a, b fact) int {
			return cmp.Or(cmp.Compare(a.site, b.site), cmp.Compare(a.dsite, b.dsite))
		})
		for _, g := range fs[maxSites:] {
			delete(s, g)
		}
	}
}

// edge adds to in the facts of out that can take successor k of block
// p: a path that found err non-nil does not take the branch where it is
// nil, and the reverse.
func (f *flow) edge(in, out state, p *cfg.Block, k int) {
	nonNil := f.c.paths.NonNilOnBranch(p, k)
	isNil := f.c.paths.NilOnBranch(p, k)
	for g := range out {
		if g.errv != nil && (g.nonNil && g.errv == isNil || !g.nonNil && g.errv == nonNil) {
			continue // this path cannot take the branch
		}
		switch {
		case nonNil != nil:
			g.errv, g.nonNil = nonNil, true
		case isNil != nil:
			g.errv, g.nonNil = isNil, false
		}
		in.add(g)
	}
}

func (f *flow) apply(s state, ev event) {
	switch ev.kind {
	case evWrite:
		f.written(s, ev.id, 0)
	case evFinish:
		f.finish(s, ev)
	case evDefer:
		f.deferred(s, ev)
	case evPut:
		f.put(s, ev)
	case evReset:
		f.reset(s, ev)
	case evRead:
		f.read(s, ev)
	case evLinger:
		for _, st := range s.of(ev.id) {
			if st.kind == kSt {
				s.add(fact{kind: kLg, id: st.id, site: int32(ev.site), flags: st.flags & (fW | fD), cur: -1, dsite: st.dsite})
			}
		}
	case evConnRead:
		f.peerAnswered(s, ev.id)
	case evEscape:
		s.update(ev.id, func(g fact) (fact, bool) { g.flags &^= fW | fO | fU | fE; return g, true })
		f.dropLayered(s, ev.id)
	case evKill:
		f.kill(s, ev)
	case evLit:
		f.record(ev.lit, s)
	}
}

// peerAnswered notes a read from connection id (or through the reader
// side of a wrapper over one): the peer answered what was written
// before, so a reset no longer drops it.
func (f *flow) peerAnswered(s state, id int) {
	if f.m.refs[id].wrapper {
		var conns []int
		for _, g := range s.of(id) {
			if g.kind == kSt && g.cur >= 0 {
				conns = append(conns, int(g.cur))
			}
		}
		for _, c := range conns {
			f.peerAnswered(s, c)
		}
		return
	}
	s.update(id, func(g fact) (fact, bool) { g.flags &^= fW; return g, true })
}

// written marks ref id written, and the destination it writes to, which
// a buffered writer may reach at any write.
func (f *flow) written(s state, id, depth int) {
	var dests []int
	s.update(id, func(g fact) (fact, bool) {
		if g.flags&fC != 0 {
			return g, true // a write after Close fails: nothing is pending
		}
		g.flags |= fW | fE
		if g.kind == kSt && g.cur >= 0 {
			dests = append(dests, int(g.cur))
		}
		return g, true
	})
	if depth < 4 {
		for _, d := range dests {
			f.written(s, d, depth+1)
		}
	}
}

// finish applies a Close, Flush or CloseWrite of ref ev.id: to the
// facts of it as a writer, and to the writers aimed at it.
func (f *flow) finish(s state, ev event) {
	f.finishFindings(s, ev)
	f.writerFinished(s, ev)
	if ev.op == opClose || ev.op == opCloseWrite {
		// ev.id is closed as a destination: every writer aimed at it now
		// writes to a closed destination.
		for g := range s {
			if g.kind == kSt && int(g.cur) == ev.id && int(g.id) != ev.id {
				s.add(fact{kind: kCl, id: g.id, site: int32(ev.site), flags: g.flags, cur: -1, dsite: g.dsite})
			}
		}
	}
	f.destFinished(s, ev)
	f.finishUpdate(s, ev)
}

// finishFindings reports the orders a finish of ref ev.id completes: the
// writer finished after its destination was closed, or after it went
// back to the pool; the connection closed after SetLinger(0).
func (f *flow) finishFindings(s state, ev event) {
	id := ev.id
	for _, g := range s.of(id) {
		switch g.kind {
		case kCl:
			if ev.op != opCloseWrite && pendingFor(g.flags, ev.op) != 0 {
				f.c.record(finding{rule: ruleCloseFirst, m: f.m, at: ev.site, w: id, other: int(g.site)})
			}
		case kPu:
			if ev.op != opCloseWrite {
				f.c.record(finding{rule: rulePutThenFinish, m: f.m, at: int(g.site), w: id, other: ev.site})
			}
		case kLg:
			if ev.op == opClose && g.flags&fW != 0 {
				f.c.record(finding{rule: ruleLinger, m: f.m, at: int(g.site), w: id, other: ev.site})
			}
		}
	}
}

// pendingFor returns what a finish by op pushes out of a writer with
// these flags: the bytes written since the last finish (or held from
// before the function), and for a Close the footer of a finalizing
// writer.
func pendingFor(fl flags, o op) flags {
	if o == opClose {
		return fl & (fW | fO | fU)
	}
	return fl & (fW | fU)
}

// finishUpdate clears what the finish of ref ev.id pushed out, and marks
// its destination written by it.
func (f *flow) finishUpdate(s state, ev event) {
	var dests []int
	s.update(ev.id, func(g fact) (fact, bool) {
		switch g.kind {
		case kCl, kLg:
			if ev.op == opClose {
				return g, false
			}
		case kPu:
			if ev.op != opCloseWrite {
				return g, false
			}
		}
		switch ev.op {
		case opClose:
			g.flags &^= fW | fO | fU | fE
			g.flags |= fC
		case opFlush:
			g.flags &^= fW | fU
		}
		if g.kind == kSt && g.cur >= 0 && ev.op != opCloseWrite {
			dests = append(dests, int(g.cur))
		}
		return g, true
	})
	for _, d := range dests {
		f.written(s, d, 1) // the flush or close pushed bytes into it
	}
}

// deferred registers the calls of one defer. Defers run last in, first
// out: what this one closes or flushes as a destination runs before
// every finish deferred earlier, and every finish it registers runs
// before the puts deferred earlier.
func (f *flow) deferred(s state, ev event) {
	for _, it := range ev.items {
		f.deferredDest(s, it)
	}
	for _, it := range ev.items {
		if it.op == opPut {
			f.deferredPut(s, it)
		}
	}
	for _, it := range ev.items {
		if it.op == opClose || it.op == opFlush {
			f.deferredFinish(s, it)
		}
	}
}

// deferredDest notes the writers whose deferred finish the deferred
// call it will precede: a Close of their destination, a Flush of their
// buffered destination (unless a finish of it deferred earlier runs
// after theirs), a Reset of the writer itself.
func (f *flow) deferredDest(s state, it item) {
	switch it.op {
	case opClose, opCloseWrite:
		for g := range s {
			if g.kind == kSt && int(g.cur) == it.id && int(g.id) != it.id && g.flags&fD != 0 {
				s.add(fact{kind: kDo, id: g.id, site: int32(it.site), flags: g.flags, cur: -1, dsite: g.dsite})
			}
		}
	case opFlush:
		if !f.m.ownedBuffer(it.id) {
			return
		}
		for g := range s {
			if g.kind == kSt && int(g.cur) == it.id && int(g.id) != it.id && g.flags&(fD|fB) == fD {
				s.add(fact{kind: kDf, id: g.id, site: int32(it.site), flags: g.flags, cur: g.cur, dsite: g.dsite})
			}
		}
	case opReset:
		// A Reset deferred after the finish runs before it and
		// discards what the finish would write.
		for _, g := range s.of(it.id) {
			if g.kind == kSt && g.flags&fD != 0 {
				s.add(fact{kind: kDo, id: g.id, site: int32(it.site), flags: g.flags, cur: -1, dsite: g.dsite})
			}
		}
	}
}

// deferredPut registers a deferred Put: after a deferred finish, it runs
// first; before one, it hands back what the writer holds at exit.
func (f *flow) deferredPut(s state, it item) {
	for _, g := range s.of(it.id) {
		if g.kind != kSt {
			continue
		}
		if g.flags&fD != 0 {
			f.c.record(finding{rule: ruleDeferPutOrder, m: f.m, at: it.site, w: it.id, other: int(g.dsite)})
		} else {
			s.add(fact{kind: kDp, id: g.id, site: int32(it.site), flags: g.flags, cur: -1, dsite: -1})
		}
	}
}

// deferredFinish registers a deferred Close or Flush of writer it.id.
// It runs before the puts, closes and flushes deferred earlier; a finish
// of its buffered destination deferred earlier runs after it (fB).
func (f *flow) deferredFinish(s state, it item) {
	s.update(it.id, func(g fact) (fact, bool) {
		switch g.kind {
		case kDp, kDo, kDf:
			return g, false // this finish runs first
		}
		g.flags |= fD
		g.dsite = int32(it.site)
		if g.kind == kSt && g.cur >= 0 && f.deferredFinishOf(s, int(g.cur)) {
			g.flags |= fB
		}
		return g, true
	})
}

// deferredFinishOf reports whether some path has a finish of ref id
// deferred.
func (f *flow) deferredFinishOf(s state, id int) bool {
	for _, g := range s.of(id) {
		if g.kind == kSt && g.flags&fD != 0 {
			return true
		}
	}
	return false
}

func (f *flow) put(s state, ev event) {
	for _, g := range s.of(ev.id) {
		if g.kind != kSt {
			continue
		}
		if g.unfinished() && !g.failed() {
			f.c.record(finding{rule: rulePutDirty, m: f.m, at: ev.site, w: ev.id, other: -1})
		}
		if g.flags&fD != 0 {
			f.c.record(finding{rule: rulePutBeforeDeferred, m: f.m, at: ev.site, w: ev.id, other: int(g.dsite)})
		}
	}
	s.update(ev.id, func(g fact) (fact, bool) {
		switch g.kind {
		case kSt:
			return fact{kind: kSt, id: g.id, site: -1, cur: -1, dsite: -1}, true
		case kFp, kRc:
			return g, true // finished too late before the Put: still so
		}
		return g, false
	})
	s.add(fact{kind: kPu, id: int32(ev.id), site: int32(ev.site), cur: -1, dsite: -1})
}

func (f *flow) reset(s state, ev event) {
	t := f.m.refs[ev.id]
	for _, g := range s.of(ev.id) {
		if g.kind != kSt || g.failed() {
			continue
		}
		// Only bytes on their way to a known destination, aimed now at
		// another one, are lost by the Reset; or what a field writer
		// holds from before, when the function aims it at a destination
		// of its own.
		switch {
		case g.unfinished() && g.cur != -1 && g.cur != int32(ev.cur),
			g.flags&fU != 0 && g.cur == -1 && f.ownDest(ev.cur):
			f.c.record(finding{rule: ruleResetDirty, m: f.m, at: ev.site, w: ev.id, other: -1})
		}
	}
	s.update(ev.id, func(g fact) (fact, bool) {
		switch g.kind {
		case kCl, kDo, kPu, kFl, kDf, kRd:
			return g, false // aimed at a new destination
		}
		g.flags &^= fW | fO | fC | fU | fE
		if t.finalizing && ev.cur >= 0 {
			g.flags |= fO
		}
		if g.kind == kSt {
			g.cur = int32(ev.cur)
		}
		return g, true
	})
}

// ownDest reports whether ref d is a destination the function brings
// (a local variable or parameter, not a field or a copy of one, nil or
// io.Discard), in a
// function that is not itself a Reset: a Reset method forwards its
// contract, to discard what is buffered, to the writers it holds.
func (f *flow) ownDest(d int) bool {
	if d < 0 || f.m.refs[d].ref.path != "" || f.c.fieldOf(f.m.r.Origin(f.m.refs[d].expr)) != nil {
		return false // a field, or a local copy of one (rwc = c.rwc): perhaps where the writer writes already
	}
	decl, ok := f.m.fn.Node().(*ast.FuncDecl)
	return !ok || !strings.HasPrefix(strings.ToLower(decl.Name.Name), "reset")
}

// kill handles an assignment to a variable or field path: every ref
// under it starts over, and writers aimed at it keep writing to the old
// value, which a later close of the new one does not touch.
func (f *flow) kill(s state, ev event) {
	affected := f.restart(s, ev)
	for g := range s {
		if (g.kind == kDf || g.aboutDest()) && affected[g.cur] {
			delete(s, g) // the buffered destination is another one now
			continue
		}
		moved := g.kind == kSt && affected[g.cur] && int(g.id) != ev.create
		if moved || g.errv == ev.root && ev.path == "" {
			delete(s, g)
			if moved {
				g.cur = stale
			}
			if g.errv == ev.root {
				g.errv, g.nonNil = nil, false // assigned: no longer known
			}
			s.add(g)
		}
	}
}

// restart starts over every ref under the variable or field path ev
// assigns, and returns them.
func (f *flow) restart(s state, ev event) map[int32]bool {
	affected := make(map[int32]bool)
	for id, t := range f.m.refs {
		if t.ref.root != ev.root {
			continue
		}
		if ev.path != "" && t.ref.path != ev.path && !strings.HasPrefix(t.ref.path, ev.path+".") {
			continue
		}
		affected[int32(id)] = true
		for _, g := range s.of(id) {
			delete(s, g)
		}
		st := fact{kind: kSt, id: int32(id), site: -1, cur: -1, dsite: -1}
		if t.pairDest >= 0 {
			st.cur = int32(t.pairDest) // a new struct value pairs its fields again
		}
		if id == ev.create {
			st.cur = int32(ev.cur)
			if t.finalizing && ev.cur >= 0 {
				st.flags = fO
			}
		}
		s.add(st)
	}
	return affected
}

// atExit checks what runs at a normal exit of block b: the deferred
// calls. A path that found the returned error non-nil reports failure.
func (f *flow) atExit(s state, b *cfg.Block) {
	var ret *ast.ReturnStmt
	if len(b.Nodes) > 0 {
		ret, _ = b.Nodes[len(b.Nodes)-1].(*ast.ReturnStmt)
	}
	live := make(state)
	for g := range s {
		if ret != nil && g.nonNil && f.c.paths.ReturnsVar(ret, g.errv) {
			continue
		}
		live.add(g)
	}
	for _, lit := range f.deferLits {
		f.record(lit, live)
	}
	for g := range live {
		f.exitFinding(g)
	}
}

// exitFinding reports what fact g says runs at a normal exit: a deferred
// finish after its destination's close or flush, a deferred close,
// flush, Reset or Put in the wrong order, a deferred Close after
// SetLinger(0), a Close whose footer no read sees.
func (f *flow) exitFinding(g fact) {
	switch g.kind {
	case kCl:
		if g.flags&fD != 0 && g.flags&(fW|fO|fU) != 0 {
			f.c.record(finding{rule: ruleCloseBeforeDeferred, m: f.m, at: int(g.dsite), w: int(g.id), other: int(g.site)})
		}
	case kDo:
		if g.flags&(fW|fO|fU) != 0 {
			r := ruleDeferOrder
			if isResetCall(f.m.sites[g.site].call) {
				r = ruleDeferResetOrder
			}
			f.c.record(finding{rule: r, m: f.m, at: int(g.dsite), w: int(g.id), other: int(g.site)})
		}
	case kDp:
		if g.flags&fW != 0 {
			f.c.record(finding{rule: rulePutDeferredDirty, m: f.m, at: int(g.site), w: int(g.id), other: -1})
		}
	case kLg:
		if g.flags&fD != 0 && g.flags&fW != 0 {
			f.c.record(finding{rule: ruleLinger, m: f.m, at: int(g.site), w: int(g.id), other: int(g.dsite)})
		}
	case kFl, kFp, kDf:
		f.layeredAtExit(g)
	case kRc:
		f.c.record(finding{rule: ruleReadBeforeClose, m: f.m, at: int(g.site), w: int(g.id), other: int(g.dsite)})
	}
}

func isResetCall(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Reset"
}

// finishesParam reports whether fn, declared in this package, closes or
// flushes its i-th parameter: func finish(zw *zip.Writer) error {
// return zw.Close() }.
func (c *checker) finishesParam(fn *types.Func, i int) (op, bool) {
	ops := c.paramFinishes(fn)
	if i >= len(ops) || ops[i] < 0 {
		return 0, false
	}
	return op(ops[i]), true
}

// finishesAnyParam reports whether fn, declared in this package, closes
// or flushes one of its parameters.
func (c *checker) finishesAnyParam(fn *types.Func) bool {
	for _, o := range c.paramFinishes(fn) {
		if o >= 0 {
			return true
		}
	}
	return false
}

// paramFinishes returns, for each parameter of fn, the op of a Close
// (or else Flush) called on it in fn's body, or -1; nil when fn is not
// declared in this package. It is computed once per function.
func (c *checker) paramFinishes(fn *types.Func) []int {
	fn = fn.Origin()
	if ops, ok := c.finishers[fn]; ok {
		return ops
	}
	if c.finishers == nil {
		c.finishers = make(map[*types.Func][]int)
	}
	var ops []int
	if decl := c.cfgs.Decl(fn); decl != nil && decl.Body != nil {
		ops = c.scanParamFinishes(fn, decl)
	}
	c.finishers[fn] = ops
	return ops
}

// scanParamFinishes returns, for each parameter of fn, the op of a
// Close (or else Flush) called on it in its declaration decl, or -1.
func (c *checker) scanParamFinishes(fn *types.Func, decl *ast.FuncDecl) []int {
	params := fn.Type().(*types.Signature).Params()
	index := make(map[types.Object]int, params.Len())
	ops := make([]int, params.Len())
	for i := range params.Len() {
		index[params.At(i)] = i
		ops[i] = -1
	}
	for _, call := range c.callsOf(decl) {
		if len(call.Args) != 0 {
			continue // not a Close or Flush
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			continue
		}
		i, ok := index[c.info.Uses[id]]
		switch {
		case !ok:
		case sel.Sel.Name == "Close":
			ops[i] = int(opClose)
		case sel.Sel.Name == "Flush" && ops[i] < 0:
			ops[i] = int(opFlush)
		}
	}
	return ops
}

// callsOf returns the calls in a function declared in the package, from
// the package's index (which holds every declaration of its files).
func (c *checker) callsOf(decl *ast.FuncDecl) []*ast.CallExpr {
	i, ok := c.files.FuncIndex(decl)
	if !ok {
		return nil
	}
	return callsIn(c.files.Within(i))
}
