package suite

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Select returns the analyzers that a list of checks leaves switched
// on, in the suite's order. Items are read left to right in the
// language of the command's -checks flag: a check's name, "all", and
// "-NAME" to leave one out. A list that starts by leaving a check out
// starts from all of them, so ["-pollpending"] means every check but
// pollpending; an empty list means every check. Empty items are
// skipped, as in "-checks discard,".
func Select(items []string) ([]*analysis.Analyzer, error) {
	return SelectFrom(Analyzers(), items)
}

// SelectFrom is Select over the analyzers all, for front ends that add
// analyzers of their own and for tests.
func SelectFrom(all []*analysis.Analyzer, items []string) ([]*analysis.Analyzer, error) {
	chosen := make(map[string]bool)
	if len(items) == 0 {
		items = []string{"all"}
	}
	for i, item := range items {
		item = strings.TrimSpace(item)
		name, exclude := strings.CutPrefix(item, "-")
		switch known := slices.ContainsFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name }); {
		case item == "":
			continue
		case name == "all":
			for _, a := range all {
				chosen[a.Name] = !exclude
			}
		case !known:
			return nil, fmt.Errorf("unknown check %q (known: %s)", item, names(all))
		case exclude && i == 0:
			for _, a := range all {
				chosen[a.Name] = true
			}
			chosen[name] = false
		default:
			chosen[name] = !exclude
		}
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if chosen[a.Name] {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no checks selected")
	}
	return out, nil
}

func names(as []*analysis.Analyzer) string {
	var b strings.Builder
	for i, a := range as {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.Name)
	}
	return b.String()
}
