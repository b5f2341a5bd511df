// Package plugin is flushcheck's golangci-lint v2 module plugin. A
// custom golangci-lint built with `golangci-lint custom` imports it
// (see docs/golangci-lint.md); its init function registers the linter
// "flushcheck", which runs every analyzer of the suite, or the checks
// its settings select:
//
//	linters:
//	  settings:
//	    custom:
//	      flushcheck:
//	        type: module
//	        settings:
//	          checks: [all, -pollpending]
//
// checks is read as the command's -checks flag, item by item (see
// suite.Select); leaving it out runs every check. Any other setting is
// an error, so a misspelt key is never silently ignored. The checks
// have no options of their own: what they know of writers is fixed.
//
// The package sits at the module's root, beside cmd and analyzer,
// because it is a front end like the command, not an analyzer: it is
// the one package that imports golangci-lint's plugin-module-register,
// so neither the analyzers nor the command depend on it, and its import
// path, github.com/flushcheck/flushcheck/plugin, is public and short,
// as the `import` line of a .custom-gcl.yml wants.
package plugin

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// Name is the linter's name: the key under linters.settings.custom in
// .golangci.yml, the name in linters.enable, and the one that
// //nolint:flushcheck silences.
const Name = "flushcheck"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings, the map under
// linters.settings.custom.flushcheck.settings.
type Settings struct {
	// Checks selects the checks to run, as the -checks flag does:
	// names, "all", and "-NAME" to leave one out. Empty means all.
	Checks []string `json:"checks"`
}

type linter struct {
	analyzers []*analysis.Analyzer
}

// New is the plugin's constructor, which golangci-lint calls with the
// settings as decoded from its configuration file.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	analyzers, err := suite.Select(s.Checks)
	if err != nil {
		return nil, fmt.Errorf("%s: settings: checks: %w", Name, err)
	}
	return &linter{analyzers: analyzers}, nil
}

// BuildAnalyzers returns the selected analyzers of the suite.
func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return l.analyzers, nil
}

// GetLoadMode asks for type information: every check needs it.
func (l *linter) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
