package suppress

import "strings"

// Kind says in which syntax a directive is written.
type Kind int

const (
	// LintIgnore is staticcheck's "//lint:ignore CHECKS reason".
	LintIgnore Kind = iota + 1
	// LintFileIgnore is staticcheck's "//lint:file-ignore CHECKS reason".
	LintFileIgnore
	// Nolint is golangci-lint's "//nolint[:LINTERS] // reason".
	Nolint
)

// Directive is one suppression comment, parsed. The Reporter and the
// directive analyzer share it, so that what silences a finding and what
// is reported as silencing nothing can never disagree.
type Directive struct {
	Kind Kind
	// Head is the directive without its reason, as the user wrote it,
	// for messages: "//lint:ignore flushcheck", "//nolint:flushcheck".
	Head string
	// Checks are the named checks (staticcheck) or linters
	// (golangci-lint), as written; none for a bare //nolint.
	Checks []string
	// Reason is the explanation; empty when none was given.
	Reason string
	// Problem, when not empty, says why the directive is malformed,
	// phrased to follow Head in a message. A malformed directive
	// silences nothing.
	Problem string
}

// Parse parses the text of one comment, as in ast.Comment.Text.
// It reports false for an ordinary comment.
func Parse(text string) (Directive, bool) {
	if !strings.Contains(text, "lint:") && !strings.Contains(text, "nolint") {
		return Directive{}, false // the cheap test: most comments stop here
	}
	body, ok := strings.CutPrefix(text, "//")
	if !ok {
		return Directive{}, false // a /* */ comment is never a directive
	}
	trimmed := strings.TrimLeft(body, " \t")
	if trimmed == body {
		return parseBody(body)
	}
	return parseSpaced(body[:len(body)-len(trimmed)], trimmed)
}

// parseBody parses the text after "//" of a directive written without
// a space, the only form staticcheck and golangci-lint document.
func parseBody(body string) (Directive, bool) {
	if rest, ok := strings.CutPrefix(body, "lint:"); ok {
		return parseLint(rest)
	}
	if rest, ok := strings.CutPrefix(body, "nolint"); ok {
		return parseNolint(rest)
	}
	return Directive{}, false
}

// parseSpaced handles "// nolint:flushcheck" and "// lint:ignore
// flushcheck": ordinary comments to Go and to the documented syntax of
// both linters, yet written by users who expect them to silence. Only
// those naming flushcheck are ours to point out; the rest may be prose.
func parseSpaced(space, body string) (Directive, bool) {
	d, ok := parseBody(body)
	if !ok || !d.NamesFlushcheck() {
		return Directive{}, false // prose, or another linter's business
	}
	d.Head = "//" + space + d.Head[len("//"):]
	d.Problem = "is not a directive: the space after // makes it an ordinary comment, which silences nothing"
	return d, true
}

// parseLint parses what follows "//lint:". Fields, not single spaces,
// separate the words: a doubled space is no reason to ignore a directive.
func parseLint(rest string) (Directive, bool) {
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return Directive{}, false // "//lint:" names no command
	}
	var d Directive
	switch fields[0] {
	case "ignore":
		d.Kind = LintIgnore
	case "file-ignore":
		d.Kind = LintFileIgnore
	default:
		return Directive{}, false // another staticcheck command
	}
	d.Head = "//lint:" + fields[0]
	if len(fields) == 1 {
		d.Problem = "directive names no check and gives no reason; it silences nothing"
		return d, true
	}
	d.Head += " " + fields[1]
	d.Checks = strings.Split(fields[1], ",")
	d.Reason = strings.Join(fields[2:], " ")
	return d, true
}

// parseNolint parses what follows "//nolint".
func parseNolint(rest string) (Directive, bool) {
	d := Directive{Kind: Nolint, Head: "//nolint"}
	switch {
	case rest == "":
		return d, true // bare: every linter, no reason
	case rest[0] == ':':
		return parseNolintList(d, rest[1:]), true
	case rest[0] == ' ' || rest[0] == '\t':
		return parseNolintTail(d, strings.TrimLeft(rest, " \t")), true
	}
	return Directive{}, false // "//nolintlint" and the like
}

// parseNolintTail parses what follows "//nolint " in a bare directive:
// a reason after "//", or a list misplaced after a space.
func parseNolintTail(d Directive, tail string) Directive {
	if reason, ok := strings.CutPrefix(tail, "//"); ok || tail == "" {
		d.Reason = strings.TrimSpace(reason)
		return d
	}
	if list, ok := strings.CutPrefix(tail, ":"); ok {
		d = parseNolintList(d, list)
		d.Head = "//nolint " + d.Head[len("//nolint"):]
		d.Problem = "directive has a space before its colon; it silences nothing"
		return d
	}
	d.Problem = "directive gives its reason without //; it silences nothing"
	return d
}

// parseNolintList parses what follows "//nolint:": the linters, then
// the reason after "//".
func parseNolintList(d Directive, rest string) Directive {
	list, reason, _ := strings.Cut(rest, "//")
	d.Reason = strings.TrimSpace(reason)
	d.Head = "//nolint:" + strings.TrimRight(list, " \t")
	wordy := false
	for item := range strings.SplitSeq(list, ",") {
		words := strings.Fields(item)
		if len(words) == 0 {
			continue // "//nolint:a,,b" names a and b
		}
		wordy = wordy || len(words) > 1
		d.Checks = append(d.Checks, words[0])
	}
	d.Problem = nolintListProblem(d.Checks, list, wordy)
	return d
}

// nolintListProblem returns the Problem of a //nolint: list; wordy says
// that an item has more than one word, a reason missing its "//".
func nolintListProblem(checks []string, list string, wordy bool) string {
	switch {
	case len(checks) == 0:
		return "directive names no linter; it silences nothing"
	case strings.TrimLeft(list, " \t") != list:
		return "directive has a space after its colon; it silences nothing"
	case wordy:
		return "directive gives its reason without //; it silences nothing"
	}
	for _, c := range checks {
		if hasPrefixFold(c, "flushcheck/") {
			return "directive names one flushcheck check, but golangci-lint knows flushcheck as one linter; it silences nothing (//lint:ignore can name a check)"
		}
	}
	return ""
}

// Applies reports whether d, were it well-formed and explained, would
// silence the check named analyzer.
func (d Directive) Applies(analyzer string) bool {
	if d.Kind == Nolint && len(d.Checks) == 0 {
		return true // a bare //nolint silences every linter
	}
	for _, c := range d.Checks {
		switch {
		case strings.EqualFold(c, "flushcheck"):
			return true
		case d.Kind == Nolint && strings.EqualFold(c, "all"):
			return true
		case d.Kind != Nolint && strings.EqualFold(c, "flushcheck/"+analyzer):
			return true
		}
	}
	return false
}

// Silences reports whether d silences the check named analyzer: it must
// apply to it, be well-formed and give a reason.
func (d Directive) Silences(analyzer string) bool {
	return d.Problem == "" && d.Reason != "" && d.Applies(analyzer)
}

// NamesFlushcheck reports whether d names flushcheck or one of its
// checks, as opposed to applying to every linter or to others only.
func (d Directive) NamesFlushcheck() bool {
	for _, c := range d.Checks {
		if strings.EqualFold(c, "flushcheck") || hasPrefixFold(c, "flushcheck/") {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
