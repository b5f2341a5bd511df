package a

import "testing"

// A conformance test in a non-_test file, like x/net/nettest.

func conformance(t *testing.T) {
	// ok: a function taking a *testing.T is test code
	bad()
	go func() {
		// ok: a closure inside test code is test code
		bad()
	}()
}

func benchHelper(b *testing.B, n int) {
	// ok: *testing.B implements testing.TB
	bad()
}

func fuzzHelper(f *testing.F) {
	// ok: *testing.F implements testing.TB
	bad()
}

func anyTest(tb testing.TB) {
	// ok: testing.TB itself
	bad()
}

// harness embeds testing.TB, so it implements it.
type harness struct {
	testing.TB
	name string
}

func (h *harness) step() {
	// ok: a method of a type implementing testing.TB is test code
	bad()
}

// plain embeds *testing.M, which does not implement testing.TB.
type plain struct{ *testing.M }

func (p plain) step() {
	bad() // want "bad call"
}

func run(h *harness) {
	// ok: *harness implements testing.TB through the embedded field
	bad()
}

func subtests(m *testing.M) {
	bad() // want "bad call"
	func(t *testing.T) {
		// ok: the literal takes a *testing.T
		bad()
	}(nil)
}

// echo is a helper without a testing.TB: its own findings stay.
func echo() {
	bad() // want "bad call"
}

func withCommon(t interface{ Fatal(...any) }) {
	bad() // want "bad call"
}

// dumpToFile is a test helper that returns the name of what it wrote:
// it reports that value as good to its caller, so it is judged like any
// function.
func dumpToFile(t *testing.T) string {
	bad() // want "bad call"
	func() {
		// ok: a closure returning nothing inside a function taking a testing.TB
		bad()
	}()
	return ""
}

func checkResult(t *testing.T) {
	_ = func() error {
		bad() // want "bad call"
		return nil
	}
}
