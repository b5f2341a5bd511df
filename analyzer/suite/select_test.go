package suite_test

import (
	"strings"
	"testing"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

func TestSelect(t *testing.T) {
	var all []string
	for _, a := range suite.Analyzers() {
		all = append(all, a.Name)
	}
	for _, tt := range []struct {
		items []string
		want  string // names, comma-separated, or the error's start
	}{
		{nil, strings.Join(all, ",")},
		{[]string{"all"}, strings.Join(all, ",")},
		{[]string{"pollpending", "discard"}, "discard,pollpending"}, // the suite's order
		{[]string{"-discard"}, strings.Join(all[1:], ",")},
		{[]string{"all", "-all", "unflushed"}, "unflushed"},
		{[]string{" discard ", ""}, "discard"},
		{[]string{"discard", "-discard"}, "error: no checks selected"},
		{[]string{"nosuch"}, `error: unknown check "nosuch" (known: ` + strings.Join(all, ", ") + ")"},
		{[]string{"discard", "-nosuch"}, `error: unknown check "-nosuch"`},
	} {
		as, err := suite.Select(tt.items)
		var got string
		if err != nil {
			got = "error: " + err.Error()
		} else {
			for i, a := range as {
				if i > 0 {
					got += ","
				}
				got += a.Name
			}
		}
		if got != tt.want && !(err != nil && strings.HasPrefix(got, tt.want)) {
			t.Errorf("Select(%q) = %s, want %s", tt.items, got, tt.want)
		}
	}
}
