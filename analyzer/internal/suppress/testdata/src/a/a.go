package a

func bad() {}

func lintIgnore() {
	// ok: a trailing directive with a reason silences its line
	bad() //lint:ignore flushcheck the caller retries on its own

	bad() // want "bad call"

	// ok: a directive on its own line silences the statement below it
	//lint:ignore flushcheck the caller retries on its own
	bad()
	bad() // want "bad call"

	// ok: the check named by its own name
	bad() //lint:ignore flushcheck/bad the caller retries on its own

	bad() //lint:ignore flushcheck/other another check's business // want "bad call"

	bad() //lint:ignore SA1000 another linter's business // want "bad call"

	// ok: flushcheck is one item of the list
	bad() //lint:ignore SA1000,flushcheck the caller retries on its own

	// ok: the words may be separated by more than one space
	bad() //lint:ignore   flushcheck   the caller retries on its own

	// want +1 "bad call"
	bad() //lint:ignore flushcheck

	//lint:ignore flushcheck
	bad() // want "bad call"

	// ok: a reason containing slashes is still a reason
	bad() //lint:ignore flushcheck see https://example.com/why
}

func lintIgnoreSpaced() {
	// want +1 "bad call"
	bad() // lint:ignore flushcheck the space makes this prose
}

func lintIgnoreOnlyItsLine() {
	//lint:ignore flushcheck only the first line of the statement
	if true {
		bad() // want "bad call"
	}
}
