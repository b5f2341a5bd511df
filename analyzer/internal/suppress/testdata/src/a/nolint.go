package a

func nolintTrailing() {
	// ok: a trailing //nolint with a reason silences its line
	bad() //nolint:flushcheck // the caller retries on its own

	bad() // want "bad call"

	// ok: flushcheck is one item of the list
	bad() //nolint:flushcheck,errcheck // the caller retries on its own

	// want +1 "bad call"
	bad() //nolint:errcheck // another linter's business

	// ok: all linters
	bad() //nolint:all // the caller retries on its own

	// ok: a bare //nolint is every linter
	bad() //nolint // the caller retries on its own

	// want +1 "bad call"
	bad() //nolint:flushcheck

	// want +1 "bad call"
	bad() //nolint:flushcheck //

	// want +1 "bad call"
	bad() //nolint

	// want +1 "bad call"
	bad() // nolint:flushcheck // the space after // makes this prose

	// want +1 "bad call"
	bad() //nolint: flushcheck // a space after the colon

	// want +1 "bad call"
	bad() //nolint:flushcheck the reason lacks its //

	// want +1 "bad call"
	bad() //nolint:flushcheck/bad // golangci-lint knows no such linter

	// want +1 "bad call"
	bad() //nolintlint:flushcheck // not nolint at all
}

// ok: a //nolint on its own line silences the whole declaration below it
//
//nolint:flushcheck // a fixture of discarded results
func nolintFunc() {
	bad()
	if true {
		bad()
	}
}

//nolint:flushcheck
func nolintFuncWithoutReason() {
	bad() // want "bad call"
}

//nolint:errcheck // another linter's business
func nolintFuncOther() {
	bad() // want "bad call"
}

func nolintStatement() {
	// ok: the whole if statement is silenced
	//nolint:flushcheck // a fixture of discarded results
	if true {
		bad()
	}
	bad() // want "bad call"
}

func nolintTrailingAbove() {
	x := 0 //nolint:flushcheck // a trailing comment does not reach the next line
	bad()  // want "bad call"
	_ = x
}
