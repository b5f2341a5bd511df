package main

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// selectAnalyzers returns the analyzers that -checks and the -NAME
// toggles leave switched on, in the suite's order.
func selectAnalyzers(all []*analysis.Analyzer, checks string, toggles map[string]*toggle) ([]*analysis.Analyzer, error) {
	chosen, err := parseChecks(all, checks)
	if err != nil {
		return nil, err
	}
	// As in go vet: naming one check turns the others off; =false turns one off.
	var only bool
	for _, t := range toggles {
		only = only || (t.set && t.on)
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if chosen[a.Name] && !toggledOff(toggles[a.Name], only) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no checks selected", errUsage)
	}
	return out, nil
}

// toggledOff reports whether a check's -NAME flag t (nil when there
// is none) switches it off, given whether some check was named alone.
func toggledOff(t *toggle, only bool) bool {
	if t == nil || !t.set {
		return only
	}
	return !t.on
}

// parseChecks reads a -checks list: names, "all", and "-name" to leave
// one out, applied left to right. A list that starts by leaving a check
// out starts from all of them, so "-discard" means "all but discard".
func parseChecks(all []*analysis.Analyzer, list string) (map[string]bool, error) {
	known := make(map[string]bool)
	for _, a := range all {
		known[a.Name] = true
	}
	chosen := make(map[string]bool)
	for i, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		name, exclude := strings.CutPrefix(item, "-")
		switch {
		case item == "":
			continue
		case name == "all":
			setAll(chosen, known, !exclude)
		case !known[name]:
			return nil, fmt.Errorf("%w: unknown check %q in -checks", errUsage, name)
		case exclude && i == 0:
			setAll(chosen, known, true)
			chosen[name] = false
		default:
			chosen[name] = !exclude
		}
	}
	return chosen, nil
}

func setAll(chosen, known map[string]bool, on bool) {
	for name := range known {
		chosen[name] = on
	}
}
