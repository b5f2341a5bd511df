package loader

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// mark is the spy's fact.
type mark struct{}

func (*mark) AFact()         {}
func (*mark) String() string { return "mark" }

// spy marks every object its package defines, and the package, then
// reports, in the test module's packages, each use of another package's
// object whose fact it sees, and what AllObjectFacts and AllPackageFacts
// give: what facts a package may see, made visible.
var spy = &analysis.Analyzer{
	Name:      "spy",
	Doc:       "reports which facts each package sees",
	FactTypes: []analysis.Fact{new(mark)},
	Run:       runSpy,
}

func runSpy(pass *analysis.Pass) (any, error) {
	for _, obj := range pass.TypesInfo.Defs {
		if obj != nil && obj.Pkg() == pass.Pkg {
			pass.ExportObjectFact(obj, new(mark))
		}
	}
	pass.ExportPackageFact(new(mark))
	if !strings.HasPrefix(pass.Pkg.Path(), "example.com/") || len(pass.Files) == 0 {
		return nil, nil // the standard library: facts only
	}
	for id, obj := range pass.TypesInfo.Uses {
		if obj.Pkg() != nil && obj.Pkg() != pass.Pkg && pass.ImportObjectFact(obj, new(mark)) {
			pass.Reportf(id.Pos(), "fact on %s.%s", obj.Pkg().Path(), obj.Name())
		}
	}
	var objs, pkgs []string
	for _, f := range pass.AllObjectFacts() {
		if p := f.Object.Pkg().Path(); p != pass.Pkg.Path() && strings.HasPrefix(p, "example.com/") {
			objs = append(objs, p+"."+f.Object.Name())
		}
	}
	for _, f := range pass.AllPackageFacts() {
		pkgs = append(pkgs, f.Package.Path())
	}
	slices.Sort(objs)
	slices.Sort(pkgs)
	pass.Reportf(pass.Files[0].Package, "object facts: %s; package facts: %d", strings.Join(objs, " "), len(pkgs))
	return nil, nil
}

// TestFactsAsChecker runs the spy with Analyze and with the x/tools
// checker over go/packages: each package must see the same facts.
func TestFactsAsChecker(t *testing.T) {
	mod := testModule(t)
	got := analyzeLines(t, []*analysis.Analyzer{spy}, mod, true, "./...")
	want := checkerLines(t, []*analysis.Analyzer{spy}, mod, true, "./...")
	compareLines(t, got, want)
	if !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, "fact on example.com/mod/chain/c.M") }) {
		t.Error("package a does not see the fact on c's method it reaches through b")
	}
}

// TestSuiteAsChecker runs flushcheck's checks with Analyze and with the
// x/tools checker: the same findings and the same failures.
func TestSuiteAsChecker(t *testing.T) {
	mod := testModule(t)
	cases := []struct {
		dir      string
		tests    bool
		patterns []string
	}{
		{mod, true, []string{"./..."}},
		{"", true, []string{"encoding/pem", "net/http/fcgi", "runtime/pprof", "compress/gzip", "bufio"}},
	}
	for _, c := range cases {
		got := analyzeLines(t, suite.Analyzers(), c.dir, c.tests, c.patterns...)
		want := checkerLines(t, suite.Analyzers(), c.dir, c.tests, c.patterns...)
		compareLines(t, got, want)
		if len(want) == 0 {
			t.Errorf("%v: no findings to compare", c.patterns)
		}
	}
}

func testModule(t *testing.T) string {
	mod, err := filepath.Abs("testdata/mod")
	if err != nil {
		t.Fatal(err)
	}
	return mod
}

// analyzeLines runs Analyze and returns its diagnostics and failures,
// one line each, sorted.
func analyzeLines(t *testing.T, analyzers []*analysis.Analyzer, dir string, tests bool, patterns ...string) []string {
	t.Helper()
	_, acts, err := Analyze(Config{Dir: dir, Tests: tests}, analyzers, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, act := range acts {
		lines = append(lines, actionLines(act.Package.Fset, act.Analyzer, act.Package, act.Diagnostics, act.Err)...)
	}
	return sorted(lines)
}

// checkerLines does what analyzeLines does with go/packages and the
// x/tools checker.
func checkerLines(t *testing.T, analyzers []*analysis.Analyzer, dir string, tests bool, patterns ...string) []string {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: tests, ParseFile: defaultParse}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	pkgs = slices.DeleteFunc(pkgs, IsTestMain)
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, act := range graph.Roots {
		lines = append(lines, actionLines(act.Package.Fset, act.Analyzer, act.Package, act.Diagnostics, act.Err)...)
	}
	return sorted(lines)
}

func actionLines(fset *token.FileSet, a *analysis.Analyzer, p *packages.Package, diags []analysis.Diagnostic, err error) []string {
	var lines []string
	if err != nil {
		lines = append(lines, fmt.Sprintf("%s@%s: %v", a.Name, p.ID, err))
	}
	for _, d := range diags {
		lines = append(lines, fmt.Sprintf("%s: %s: %s (%s)", fset.Position(d.Pos), a.Name, d.Message, d.URL))
	}
	return lines
}

func sorted(lines []string) []string {
	slices.Sort(lines)
	return slices.Compact(lines)
}

func compareLines(t *testing.T, got, want []string) {
	t.Helper()
	for _, l := range want {
		if _, ok := slices.BinarySearch(got, l); !ok {
			t.Errorf("missing: %s", l)
		}
	}
	for _, l := range got {
		if _, ok := slices.BinarySearch(want, l); !ok {
			t.Errorf("extra: %s", l)
		}
	}
}
