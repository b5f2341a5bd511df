package plugin_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/flushcheck/flushcheck/analyzer/suite"
	"github.com/flushcheck/flushcheck/plugin"
)

// newLinter builds the plugin the way golangci-lint does: by the name
// it registered, with settings as decoded from YAML.
func newLinter(settings any) ([]string, error) {
	newPlugin, err := register.GetPlugin(plugin.Name)
	if err != nil {
		return nil, err
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		return nil, &modeError{mode}
	}
	analyzers, err := p.BuildAnalyzers()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, a := range analyzers {
		names = append(names, a.Name)
	}
	return names, nil
}

type modeError struct{ mode string }

func (e *modeError) Error() string { return "load mode " + e.mode }

func TestSettings(t *testing.T) {
	var all []string
	for _, a := range suite.Analyzers() {
		all = append(all, a.Name)
	}
	for _, tt := range []struct {
		name     string
		settings any
		want     string // analyzer names, or the error's text
	}{
		{"none", nil, strings.Join(all, " ")},
		{"empty", map[string]any{}, strings.Join(all, " ")},
		{"some", map[string]any{"checks": []any{"unflushed", "discard"}}, "discard unflushed"},
		{"all but one", map[string]any{"checks": []any{"-pollpending"}}, strings.Join(all[:len(all)-1], " ")},
		{"unknown key", map[string]any{"check": []any{"discard"}}, `flushcheck: decoding settings: json: unknown field "check"`},
		{"unknown check", map[string]any{"checks": []any{"dicard"}}, `flushcheck: settings: checks: unknown check "dicard"`},
		{"nothing left", map[string]any{"checks": []any{"-all"}}, "flushcheck: settings: checks: no checks selected"},
		{"a string", map[string]any{"checks": "discard"}, "flushcheck: decoding settings: json: cannot unmarshal string"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			names, err := newLinter(tt.settings)
			got := strings.Join(names, " ")
			if err != nil {
				got = err.Error()
			}
			if got != tt.want && (err == nil || !strings.HasPrefix(got, tt.want)) {
				t.Errorf("got %s\nwant %s", got, tt.want)
			}
		})
	}
}
