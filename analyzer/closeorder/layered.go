package closeorder

// Layered writers: a wrapper (gzip, base64, tabwriter) over a buffered
// writer this function made (bufio over a file or connection). The
// buffered writer's last Flush finishes the stream for what was written
// before it: what the wrapper writes into it afterwards (its last
// buffer, on its own Flush; its footer, on its Close) stays in the
// buffer unless the buffered writer is flushed again.
//
// kFl marks a writer whose buffered destination was flushed; a finish
// of the writer that pushes bytes turns it into kFp, which a later
// finish of the destination clears and a normal exit reports. A kFl
// still standing at exit is reported when the writer's finish is
// deferred (it runs after the flush). kDf is the deferred form: the
// destination's Flush deferred after the writer's finish runs before it.

// ownedBuffer reports whether ref id is a buffered or finalizing writer
// this function aimed at a destination, held in a local variable: its
// last flush in the function is the last. A parameter or a field may be
// flushed again by the caller, after the function returns.
func (m *model) ownedBuffer(id int) bool {
	t := m.refs[id]
	return t.wrapper && t.isDest && t.ref.path == "" && len(t.dests) > 0
}

// writerFinished applies a finish of ref ev.id, as a writer, to its
// kFl facts: a finish that pushes bytes into a destination already
// flushed for the last time is noted (kFp); a Close with nothing left
// ends the matter.
func (f *flow) writerFinished(s state, ev event) {
	if ev.op == opCloseWrite {
		return
	}
	for _, g := range s.of(ev.id) {
		if g.kind == kRd && ev.op == opClose {
			delete(s, g) // the footer goes into a buffer read before
			s.add(fact{kind: kRc, id: g.id, site: g.site, cur: g.cur, dsite: int32(ev.site), errv: g.errv, nonNil: g.nonNil})
		}
		if g.kind != kFl {
			continue
		}
		switch {
		case pendingFor(g.flags, ev.op) != 0:
			delete(s, g)
			s.add(fact{kind: kFp, id: g.id, site: g.site, cur: g.cur, dsite: int32(ev.site), errv: g.errv, nonNil: g.nonNil})
		case ev.op == opClose:
			delete(s, g)
		}
	}
}

// destFinished applies a finish of ref ev.id, as the buffered
// destination of other writers: their bytes written into it before are
// out (their kFl and kFp facts go), and after a Flush, what they push
// into it later is not (kFl). A Close of it is kCl's matter.
func (f *flow) destFinished(s state, ev event) {
	if ev.op == opCloseWrite || !f.m.ownedBuffer(ev.id) {
		return
	}
	f.dropLayered(s, ev.id)
	if ev.op != opFlush {
		return
	}
	for g := range s {
		if g.kind == kSt && int(g.cur) == ev.id && int(g.id) != ev.id && g.flags&fC == 0 {
			s.add(fact{kind: kFl, id: g.id, site: int32(ev.site), cur: g.cur, flags: g.flags, dsite: g.dsite, errv: g.errv, nonNil: g.nonNil})
		}
	}
}

// aboutDest reports whether g is a fact about what the writer pushed
// into its destination (cur) around the destination's last flush or
// read, which a later flush or read of the destination settles.
func (g fact) aboutDest() bool {
	switch g.kind {
	case kFl, kFp, kRd, kRc:
		return true
	}
	return false
}

// dropLayered forgets the facts about destination d: it is flushed or
// read again, escapes (someone else may flush or read it) or is
// reassigned.
func (f *flow) dropLayered(s state, d int) {
	for g := range s {
		if g.aboutDest() && int(g.cur) == d {
			delete(s, g)
		}
	}
}

// layeredAtExit reports, at a normal exit, the flushes of a buffered
// destination that came before a writer over it was finished.
func (f *flow) layeredAtExit(g fact) {
	if g.dsite < 0 {
		return // no finish of the writer to relate to
	}
	switch g.kind {
	case kFp:
		f.c.record(finding{rule: ruleFlushFirst, m: f.m, at: int(g.dsite), w: int(g.id), other: int(g.site)})
	case kFl:
		// The writer's deferred finish runs after this flush, unless a
		// finish of the destination deferred before it runs later still.
		if g.flags&(fD|fB) == fD && pendingFor(g.flags, f.c.finishOp(f.m.sites[g.dsite])) != 0 {
			f.c.record(finding{rule: ruleFlushBeforeDeferred, m: f.m, at: int(g.dsite), w: int(g.id), other: int(g.site)})
		}
	case kDf:
		if pendingFor(g.flags, f.c.finishOp(f.m.sites[g.dsite])) != 0 {
			f.c.record(finding{rule: ruleDeferFlushOrder, m: f.m, at: int(g.dsite), w: int(g.id), other: int(g.site)})
		}
	}
}
