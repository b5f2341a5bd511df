package closeorder

// read applies a read of buffer ev.id (Bytes, String, a reader taking
// it): bytes still buffered in a writer over it, or a footer a deferred
// Close writes later, are missing from what it reads. A finalizing
// writer flushed but not closed is noted (kRd): if it is closed later
// and the buffer not read again, its footer is missing from every read.
func (f *flow) read(s state, ev event) {
	f.dropLayered(s, ev.id) // read again: what was pushed before is read now
	for g := range s {
		if g.kind != kSt || int(g.cur) != ev.id || g.failed() {
			continue
		}
		w := int(g.id)
		if !f.m.refs[w].hasFinish {
			continue // never finished at all: unflushed's finding, not an order
		}
		// Bytes still buffered, or a finalizing writer flushed but left
		// for a deferred Close to finish: its footer comes after the read.
		switch {
		case g.flags&fW != 0 || g.flags&(fD|fO|fE) == fD|fO|fE:
			other := -1
			if g.flags&fD != 0 {
				other = int(g.dsite)
			}
			f.c.record(finding{rule: ruleReadEarly, m: f.m, at: ev.site, w: w, other: other})
		case g.flags&(fO|fE) == fO|fE:
			s.add(fact{kind: kRd, id: g.id, site: int32(ev.site), cur: g.cur, dsite: -1, errv: g.errv, nonNil: g.nonNil})
		}
	}
}
