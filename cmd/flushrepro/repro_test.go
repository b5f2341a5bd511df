package main

import (
	"flag"
	"testing"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

var runsFlag = flag.Int("runs", 0, "runs of each shape (default 100, 3 with -short)")

// exempt lists the checks of the suite that are about flushcheck itself,
// not about bytes: they have no reproducer.
var exempt = map[string]bool{"directive": true}

func present() map[string]bool {
	m := map[string]bool{}
	for _, a := range suite.Analyzers() {
		m[a.Name] = true
	}
	return m
}

// TestAnalyzersOnReproducers runs the whole suite over the reproducers:
// every bad shape is flagged by the checks its want comments name, and
// no fixed shape or helper is flagged by any check. Wants of checks not
// yet in the suite are pending.
func TestAnalyzersOnReproducers(t *testing.T) {
	rs := rows()
	reps, err := analyze(".", packagesOf(rs))
	if err != nil {
		t.Fatal(err)
	}
	have := present()
	for _, pkg := range packagesOf(rs) {
		for _, p := range reps[pkg].problems(have) {
			t.Errorf("%s: %s", pkg, p)
		}
	}
	for _, r := range rs {
		if !wantsCheck(reps[r.pkg], r.check) {
			t.Errorf("%s: no bad shape wants %s, the check of its row", r.pkg, r.check)
		}
		if !have[r.check] {
			t.Logf("pending: %s/%s (%s): %s is not in the suite yet", r.check, r.pkg, r.rule, r.check)
		}
	}
	for name := range have {
		if !exempt[name] && !covered(rs, name) {
			t.Errorf("check %s has no reproducer row", name)
		}
	}
}

func wantsCheck(rep *report, check string) bool {
	for _, s := range rep.shapes {
		for _, w := range s.wants {
			if s.variant == "bad" && w.check == check {
				return true
			}
		}
	}
	return false
}

func covered(rs []row, check string) bool {
	for _, r := range rs {
		if r.check == check {
			return true
		}
	}
	return false
}

func runs() int {
	switch {
	case *runsFlag > 0:
		return *runsFlag
	case testing.Short():
		return 3
	}
	return 100
}

// TestReproducers runs every bad shape and every fixed shape under its
// pressure, 100 times each: the bad shape must report success with
// bytes missing every time, the fixed one must never do so.
func TestReproducers(t *testing.T) {
	n := runs()
	for _, r := range rows() {
		t.Run(r.check+"/"+r.pkg, func(t *testing.T) {
			t.Parallel()
			for _, fixed := range []bool{false, true} {
				if got := count(t, r, fixed, n); got != n {
					t.Errorf("%s: %d of %d runs as expected", variantName(fixed), got, n)
				}
			}
		})
	}
}

// count runs one shape n times and counts the runs that went as they
// must: silent truncation for bad, complete or reported for fixed.
func count(t *testing.T, r row, fixed bool, n int) int {
	ok := 0
	for i := range n {
		v, err := r.run(fixed)
		switch {
		case err != nil:
			t.Errorf("%s run %d: harness: %v", variantName(fixed), i, err)
		case fixed && !v.Honest(), !fixed && !v.Silent():
			if ok == i { // log the first miss only
				t.Logf("%s run %d: %v", variantName(fixed), i, v)
			}
		default:
			ok++
		}
	}
	return ok
}
