package a

func flush() error { return nil }

func lintIgnore() {
	// ok: a reason is given
	_ = flush() //lint:ignore flushcheck the caller retries on its own

	// want +1 `^//lint:ignore flushcheck directive has no reason; it silences nothing until one is given$`
	_ = flush() //lint:ignore flushcheck

	// ok: a reason is given
	//lint:ignore flushcheck/discard the caller retries on its own
	_ = flush()

	// want +1 `^//lint:ignore flushcheck/discard directive has no reason`
	//lint:ignore flushcheck/discard
	_ = flush()

	// ok: another linter's business, reason or not
	//lint:ignore SA1000
	_ = flush()

	// want +1 `^//lint:ignore SA1000,flushcheck directive has no reason`
	_ = flush() //lint:ignore SA1000,flushcheck

	// want +1 `^//lint:ignore directive names no check and gives no reason; it silences nothing$`
	_ = flush() //lint:ignore

	// ok: another staticcheck command
	_ = flush() //lint:other

	// want +1 `^// lint:ignore flushcheck is not a directive: the space after // makes it an ordinary comment, which silences nothing$`
	_ = flush() // lint:ignore flushcheck the caller retries on its own

	// ok: prose about lint: that names no flushcheck check
	_ = flush() // lint: see the style guide
}

func nolint() {
	// ok: a reason is given
	_ = flush() //nolint:flushcheck // the caller retries on its own

	// want +1 `^//nolint:flushcheck directive has no reason; it silences nothing until one is given$`
	_ = flush() //nolint:flushcheck

	// want +1 `^//nolint:flushcheck directive has no reason`
	_ = flush() //nolint:flushcheck //

	// ok: another linter's business
	_ = flush() //nolint:errcheck

	// want +1 `^//nolint:errcheck,flushcheck directive has no reason`
	_ = flush() //nolint:errcheck,flushcheck

	// ok: written for every linter; golangci-lint's nolintlint polices these
	_ = flush() //nolint

	// ok: the same, with all
	_ = flush() //nolint:all

	// want +1 `^// nolint:flushcheck is not a directive: the space after //`
	_ = flush() // nolint:flushcheck // the caller retries on its own

	// ok: prose mentioning nolint
	_ = flush() // nolint directives need a reason

	// want +1 `^//nolint: flushcheck directive has a space after its colon; it silences nothing$`
	_ = flush() //nolint: flushcheck // the caller retries on its own

	// want +1 `^//nolint :flushcheck directive has a space before its colon; it silences nothing$`
	_ = flush() //nolint :flushcheck // the caller retries on its own

	// want +1 `^//nolint:flushcheck the caller retries directive gives its reason without //; it silences nothing$`
	_ = flush() //nolint:flushcheck the caller retries

	// want +1 `^//nolint:flushcheck/discard directive names one flushcheck check, but golangci-lint knows flushcheck as one linter`
	_ = flush() //nolint:flushcheck/discard // the caller retries on its own

	// ok: nolintlint is another linter
	_ = flush() //nolintlint:flushcheck
}

// want +2 `^//nolint:flushcheck directive has no reason`
//
//nolint:flushcheck
func nolintFunc() {}

// ok: a reason is given
//
//nolint:flushcheck // a fixture of discarded results
func nolintFuncExplained() {}
