// Package directive defines an Analyzer that reports flushcheck
// suppression directives that silence nothing.
//
// # Analyzer directive
//
// directive: report flushcheck directives that silence nothing for want of a reason or of the right form
//
// A finding of flushcheck is silenced where it stands by a directive
// that says why the discard is deliberate:
//
//	//lint:ignore flushcheck reason
//	//lint:ignore flushcheck/NAME reason
//	//lint:file-ignore flushcheck reason
//	//nolint:flushcheck // reason
//
// The first two silence the line where the statement they are attached
// to begins: their own line when written at its end, the next line when
// written on a line of their own (NAME is one check, such as discard).
// The third silences the whole file. The last silences its own line
// when written at the end of one, and the whole statement or declaration
// below it when written on a line of its own. //nolint:all and a bare
// //nolint, given a reason, silence flushcheck too.
//
// A directive without a reason silences nothing: a deliberate discard
// is the user's call, but only once it is explained to the next reader.
// A malformed directive silences nothing either: one that names no
// check; one with a space after the //, which makes it an ordinary
// comment; one with a space around the colon of //nolint; one whose
// reason does not follow a //; and a //nolint naming a single check,
// for golangci-lint knows flushcheck as one linter.
//
// This check reports such directives when they name flushcheck, and
// staticcheck directives that name no check at all, so that a finding
// left standing beside a directive is never a mystery. For example
//
//	_ = bw.Flush() //nolint:flushcheck
//
// is reported, and silences nothing, until it reads
//
//	_ = bw.Flush() //nolint:flushcheck // the connection is discarded on error anyway
//
// A bare //nolint or //nolint:all without a reason is not reported, as
// it is written for every linter; it silences no flushcheck finding
// either.
package directive
