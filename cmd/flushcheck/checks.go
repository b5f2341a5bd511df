package main

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// selectAnalyzers returns the analyzers that -checks and the -NAME
// toggles leave switched on, in the suite's order.
func selectAnalyzers(all []*analysis.Analyzer, checks string, toggles map[string]*toggle) ([]*analysis.Analyzer, error) {
	selected, err := suite.SelectFrom(all, strings.Split(checks, ","))
	if err != nil {
		return nil, fmt.Errorf("%w: -checks: %v", errUsage, err)
	}
	chosen := make(map[string]bool)
	for _, a := range selected {
		chosen[a.Name] = true
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
