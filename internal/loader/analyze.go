package loader

import (
	"fmt"
	"go/token"
	"maps"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// An Action is one analyzer run on one package, as
// golang.org/x/tools/go/analysis/checker's: its diagnostics, or the
// error that stopped it.
type Action struct {
	Analyzer    *analysis.Analyzer
	Package     *packages.Package
	Diagnostics []analysis.Diagnostic
	Err         error     // the analyzer's error, or why it did not run
	Deps        []*Action // other analyzers on the package, and the same one on its imports if it has facts

	result any // for the analyzers that require it; dropped when the package is done
}

func (act *Action) String() string { return act.Analyzer.Name + "@" + act.Package.PkgPath }

// Analyze loads the packages matching patterns, as Load does, and runs
// analyzers on them (the roots), and on their dependencies the analyzers
// that have facts and those they require, as the x/tools checker does.
// Each package is analyzed as soon as it is type-checked and its imports
// are analyzed; then its syntax, type information and analysis results
// are dropped (Syntax and TypesInfo become nil), keeping only its types,
// its facts and its diagnostics, so that the syntax of the whole program
// is never in memory at once. It returns the roots and the actions of the
// requested analyzers on them, in order.
func Analyze(cfg Config, analyzers []*analysis.Analyzer, patterns ...string) ([]*packages.Package, []*Action, error) {
	roots, err := list(cfg, patterns)
	if err != nil {
		return nil, nil, err
	}
	g := newGraph(roots, token.NewFileSet(), parserOf(cfg))
	g.plan = newPlan(analyzers)
	g.facts = newFacts()
	g.run(g.workers())
	var acts []*Action
	for _, p := range roots {
		if n := g.byPkg[p]; g.roots[p] {
			for _, a := range analyzers {
				acts = append(acts, n.actions[a])
			}
		}
	}
	return roots, acts, nil
}

// IsTestMain reports whether p is the main package that go test
// generates to run a package's tests: it has no code of the user's, and
// Analyze does not analyze it.
func IsTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.ID, ".test")
}

// A plan says which analyzers run on a package, prerequisites first.
type plan struct {
	all   []*analysis.Analyzer // on the roots: those asked for and those they require
	deps  []*analysis.Analyzer // on the other packages: those with facts and those they require
	facts map[*analysis.Analyzer]bool
}

func newPlan(analyzers []*analysis.Analyzer) *plan {
	pl := &plan{all: suite.WithRequired(analyzers), facts: make(map[*analysis.Analyzer]bool)}
	var withFacts []*analysis.Analyzer
	for _, a := range pl.all {
		if len(a.FactTypes) > 0 {
			pl.facts[a] = true
			withFacts = append(withFacts, a)
		}
	}
	pl.deps = suite.WithRequired(withFacts)
	return pl
}

// analyze runs the plan's analyzers on n, type-checked, whose imports
// are analyzed, then drops what no other package needs.
func (g *graph) analyze(n *node) {
	list := g.plan.deps
	switch {
	case g.roots[n.pkg]:
		list = g.plan.all
	case len(n.users) == 0:
		list = nil // a test main, neither analyzed nor imported
	}
	n.actions = make(map[*analysis.Analyzer]*Action, len(list))
	for _, a := range list {
		act := &Action{Analyzer: a, Package: n.pkg, Deps: g.depsOf(n, a)}
		n.actions[a] = act
		g.exec(act)
	}
	for _, act := range n.actions {
		act.result = nil
	}
	n.pkg.Syntax, n.pkg.TypesInfo = nil, nil
}

// depsOf returns the actions act on n needs: the analyzers a requires on
// n, and a on n's imports when a has facts.
func (g *graph) depsOf(n *node, a *analysis.Analyzer) []*Action {
	var deps []*Action
	for _, req := range a.Requires {
		deps = append(deps, n.actions[req])
	}
	if !g.plan.facts[a] {
		return deps
	}
	for _, path := range slices.Sorted(maps.Keys(n.pkg.Imports)) {
		if dep := g.byPkg[n.pkg.Imports[path]].actions[a]; dep != nil {
			deps = append(deps, dep)
		}
	}
	return deps
}

// exec runs act, unless its package is ill-typed and the analyzer cannot
// cope, or an action it needs failed.
func (g *graph) exec(act *Action) {
	var failed []string
	for _, dep := range act.Deps {
		if dep.Err != nil {
			failed = append(failed, dep.String())
		}
	}
	if len(failed) > 0 {
		slices.Sort(failed)
		act.Err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		return
	}
	if act.Package.IllTyped && !act.Analyzer.RunDespiteErrors {
		act.Err = fmt.Errorf("analysis skipped due to errors in package")
		return
	}
	pass := g.newPass(act)
	result, err := act.Analyzer.Run(pass)
	pass.ExportObjectFact, pass.ExportPackageFact = nil, nil // no exports after Run
	act.result, act.Err = result, err
	if err == nil {
		act.Err = checkResult(act)
	}
}

// checkResult is the checker's check of what Run returned: a result of
// the declared type, and diagnostic URLs that resolve.
func checkResult(act *Action) error {
	a := act.Analyzer
	if got, want := reflect.TypeOf(act.result), a.ResultType; got != want {
		return fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", act.Package.PkgPath, a.Name, got, want)
	}
	for i, d := range act.Diagnostics {
		u, err := resolveURL(a, d)
		if err != nil {
			return err
		}
		act.Diagnostics[i].URL = u
	}
	return nil
}

// resolveURL is a diagnostic's URL: its own, or its category's anchor,
// relative to the analyzer's.
func resolveURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	raw := d.URL
	if raw == "" && d.Category != "" {
		raw = "#" + d.Category
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %v", raw, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %v", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}

// newPass makes the pass of act: the package, the results of the
// analyzers it requires, and its facts.
func (g *graph) newPass(act *Action) *analysis.Pass {
	p := act.Package
	inputs := make(map[*analysis.Analyzer]any, len(act.Analyzer.Requires))
	for _, dep := range act.Deps {
		if dep.Package == p {
			inputs[dep.Analyzer] = dep.result
		}
	}
	fv := g.facts.view(act.Analyzer, p.Types, g.byPkg[p].deps)
	pass := &analysis.Pass{
		Analyzer:     act.Analyzer,
		Fset:         p.Fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       moduleOf(p),
		ResultOf:     inputs,
		Report:       func(d analysis.Diagnostic) { act.Diagnostics = append(act.Diagnostics, d) },

		ImportObjectFact:  fv.importObject,
		ExportObjectFact:  fv.exportObject,
		ImportPackageFact: fv.importPackage,
		ExportPackageFact: fv.exportPackage,
		AllObjectFacts:    fv.allObjects,
		AllPackageFacts:   fv.allPackages,
	}
	pass.ReadFile = readableFile(pass)
	return pass
}

// moduleOf is the package's module as the analysis API describes it
// (never nil, as with the checker).
func moduleOf(p *packages.Package) *analysis.Module {
	m := p.Module
	if m == nil {
		return &analysis.Module{}
	}
	return &analysis.Module{Path: m.Path, Version: m.Version, Main: m.Main, Indirect: m.Indirect, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion}
}

// readableFile is Pass.ReadFile: the package's own files only, as the
// analysis API requires.
func readableFile(pass *analysis.Pass) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if slices.Contains(pass.OtherFiles, name) || slices.Contains(pass.IgnoredFiles, name) {
			return os.ReadFile(name)
		}
		for _, f := range pass.Files {
			if pass.Fset.File(f.FileStart).Name() == name {
				return os.ReadFile(name)
			}
		}
		return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
	}
}
