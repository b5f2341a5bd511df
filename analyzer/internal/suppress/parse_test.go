package suppress

import (
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		text     string
		ok       bool
		kind     Kind
		head     string
		checks   []string
		reason   string
		problem  bool
		silences bool // silences the check named "discard"
	}{
		// Ordinary comments.
		{text: "// a comment"},
		{text: "/* //nolint:flushcheck // reason */"},
		{text: "//lint:"},
		{text: "//lint:unknown flushcheck reason"},
		{text: "//nolintlint:flushcheck // reason"},
		{text: "// nolint directives are explained below"},
		{text: "// lint:ignore SA1000 another linter's business, and prose to us"},
		{text: "//go:generate nolint"},

		// staticcheck.
		{text: "//lint:ignore flushcheck the caller retries", ok: true, kind: LintIgnore, head: "//lint:ignore flushcheck", checks: []string{"flushcheck"}, reason: "the caller retries", silences: true},
		{text: "//lint:ignore flushcheck/discard why", ok: true, kind: LintIgnore, head: "//lint:ignore flushcheck/discard", checks: []string{"flushcheck/discard"}, reason: "why", silences: true},
		{text: "//lint:ignore FlushCheck/Discard why", ok: true, kind: LintIgnore, head: "//lint:ignore FlushCheck/Discard", checks: []string{"FlushCheck/Discard"}, reason: "why", silences: true},
		{text: "//lint:ignore flushcheck/other why", ok: true, kind: LintIgnore, head: "//lint:ignore flushcheck/other", checks: []string{"flushcheck/other"}, reason: "why"},
		{text: "//lint:ignore SA1000,flushcheck why", ok: true, kind: LintIgnore, head: "//lint:ignore SA1000,flushcheck", checks: []string{"SA1000", "flushcheck"}, reason: "why", silences: true},
		{text: "//lint:ignore\tflushcheck  why  not", ok: true, kind: LintIgnore, head: "//lint:ignore flushcheck", checks: []string{"flushcheck"}, reason: "why not", silences: true},
		{text: "//lint:ignore flushcheck", ok: true, kind: LintIgnore, head: "//lint:ignore flushcheck", checks: []string{"flushcheck"}},
		{text: "//lint:ignore", ok: true, kind: LintIgnore, head: "//lint:ignore", problem: true},
		{text: "//lint:file-ignore flushcheck why", ok: true, kind: LintFileIgnore, head: "//lint:file-ignore flushcheck", checks: []string{"flushcheck"}, reason: "why", silences: true},
		{text: "// lint:ignore flushcheck why", ok: true, kind: LintIgnore, head: "// lint:ignore flushcheck", checks: []string{"flushcheck"}, reason: "why", problem: true},

		// golangci-lint.
		{text: "//nolint:flushcheck // the caller retries", ok: true, kind: Nolint, head: "//nolint:flushcheck", checks: []string{"flushcheck"}, reason: "the caller retries", silences: true},
		{text: "//nolint:flushcheck//why", ok: true, kind: Nolint, head: "//nolint:flushcheck", checks: []string{"flushcheck"}, reason: "why", silences: true},
		{text: "//nolint:errcheck, flushcheck // why", ok: true, kind: Nolint, head: "//nolint:errcheck, flushcheck", checks: []string{"errcheck", "flushcheck"}, reason: "why", silences: true},
		{text: "//nolint:all // why", ok: true, kind: Nolint, head: "//nolint:all", checks: []string{"all"}, reason: "why", silences: true},
		{text: "//nolint // why", ok: true, kind: Nolint, head: "//nolint", reason: "why", silences: true},
		{text: "//nolint", ok: true, kind: Nolint, head: "//nolint"},
		{text: "//nolint:errcheck // why", ok: true, kind: Nolint, head: "//nolint:errcheck", checks: []string{"errcheck"}, reason: "why"},
		{text: "//nolint:flushcheck", ok: true, kind: Nolint, head: "//nolint:flushcheck", checks: []string{"flushcheck"}},
		{text: "//nolint:flushcheck //  ", ok: true, kind: Nolint, head: "//nolint:flushcheck", checks: []string{"flushcheck"}},
		{text: "//nolint:flushcheck // see https://example.com/", ok: true, kind: Nolint, head: "//nolint:flushcheck", checks: []string{"flushcheck"}, reason: "see https://example.com/", silences: true},
		{text: "//nolint: flushcheck // why", ok: true, kind: Nolint, head: "//nolint: flushcheck", checks: []string{"flushcheck"}, reason: "why", problem: true},
		{text: "//nolint :flushcheck // why", ok: true, kind: Nolint, head: "//nolint :flushcheck", checks: []string{"flushcheck"}, reason: "why", problem: true},
		{text: "//nolint:flushcheck because // why", ok: true, kind: Nolint, head: "//nolint:flushcheck because", checks: []string{"flushcheck"}, reason: "why", problem: true},
		{text: "//nolint because", ok: true, kind: Nolint, head: "//nolint", problem: true},
		{text: "//nolint: // why", ok: true, kind: Nolint, head: "//nolint:", reason: "why", problem: true},
		{text: "//nolint:flushcheck/discard // why", ok: true, kind: Nolint, head: "//nolint:flushcheck/discard", checks: []string{"flushcheck/discard"}, reason: "why", problem: true},
		{text: "// nolint:flushcheck // why", ok: true, kind: Nolint, head: "// nolint:flushcheck", checks: []string{"flushcheck"}, reason: "why", problem: true},
		{text: "//\tnolint:flushcheck // why", ok: true, kind: Nolint, head: "//\tnolint:flushcheck", checks: []string{"flushcheck"}, reason: "why", problem: true},
	}
	for _, tt := range tests {
		d, ok := Parse(tt.text)
		if ok != tt.ok {
			t.Errorf("Parse(%q) ok = %v, want %v", tt.text, ok, tt.ok)
			continue
		}
		if !ok {
			continue // nothing more to compare
		}
		if d.Kind != tt.kind || d.Head != tt.head || !slices.Equal(d.Checks, tt.checks) || d.Reason != tt.reason {
			t.Errorf("Parse(%q) = kind %d, head %q, checks %q, reason %q; want kind %d, head %q, checks %q, reason %q",
				tt.text, d.Kind, d.Head, d.Checks, d.Reason, tt.kind, tt.head, tt.checks, tt.reason)
		}
		if (d.Problem != "") != tt.problem {
			t.Errorf("Parse(%q).Problem = %q, want a problem: %v", tt.text, d.Problem, tt.problem)
		}
		if got := d.Silences("discard"); got != tt.silences {
			t.Errorf("Parse(%q).Silences(discard) = %v, want %v", tt.text, got, tt.silences)
		}
	}
}
