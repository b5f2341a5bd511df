package suite_test

import (
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// TestCrashFree runs every analyzer of the suite over the packages of
// $GOROOT/src with their tests and over the files of $GOROOT/test, each
// file a package of its own (thousands of small, deliberately odd
// programs, many of which do not type-check). No analyzer may panic;
// a package with type errors must come back as a package with errors
// whose analyses are skipped, never as a crash; and no analysis of a
// well-typed package may fail.
//
// It takes two to four minutes and 8 GB on two cores. Under the race
// detector, which costs ten times that, it runs on a fixed slice.
func TestCrashFree(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the Go distribution")
	}
	guardSuite()
	goroot := goEnv(t, "GOROOT")
	patterns, files := crashScope(t, goroot)

	fset := token.NewFileSet()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: true,
		Dir:   filepath.Join(goroot, "src"),
		Fset:  fset,
		Env:   append(os.Environ(), "GOWORK=off", "GOFLAGS=-buildvcs=false"),
	}
	srcPkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("loading %v: %v", patterns, err)
	}
	var srcRoots []*packages.Package
	for _, p := range srcPkgs {
		if !strings.HasSuffix(p.ID, ".test") { // go test's generated main
			srcRoots = append(srcRoots, p)
		}
	}

	// Each file of $GOROOT/test is a package of its own, type-checked
	// against the standard library loaded above.
	u := newUniverse(srcPkgs)
	var testRoots []*packages.Package
	typePanics := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(goroot, file)
		pkg, tp := filePackage(fset, u, "goroot/"+filepath.ToSlash(strings.TrimSuffix(rel, ".go")), file, src)
		if tp != nil {
			typePanics++
			t.Logf("go/types panicked on %s (not flushcheck's code; the package counts as ill-typed): %v", rel, tp)
		}
		testRoots = append(testRoots, pkg)
	}

	graph, err := checker.Analyze(suite.Analyzers(), slices.Concat(srcRoots, testRoots), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range takeCrashes() {
		t.Errorf("%s", c)
	}
	src, test := newTally(), newTally()
	src.add(subgraph(graph, srcRoots), srcRoots)
	test.add(subgraph(graph, testRoots), testRoots)
	for _, tl := range []*tally{src, test} {
		for _, e := range tl.unexpected {
			t.Errorf("analysis failed on a well-typed package: %s", e)
		}
	}
	if test.illTyped == 0 && len(testRoots) > 100 {
		t.Errorf("no file of $GOROOT/test was ill-typed: the loader hides type errors")
	}
	t.Logf("$GOROOT/src %v: %s", patterns, src)
	t.Logf("$GOROOT/test: %d files: %s; go/types panics: %d", len(files), test, typePanics)
	t.Logf("load errors: %d lines in $GOROOT/src, %d in $GOROOT/test", errorLines(srcRoots), errorLines(testRoots))
}

// crashScope returns the package patterns of $GOROOT/src and the files
// of $GOROOT/test to analyze.
func crashScope(t *testing.T, goroot string) (patterns, files []string) {
	var all []string
	err := filepath.WalkDir(filepath.Join(goroot, "test"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			all = append(all, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(all)
	if raceEnabled {
		// A few packages with many writers, and every 20th file.
		return []string{"bufio", "compress/...", "archive/...", "net/http"}, every(all, 20)
	}
	return []string{"std", "cmd"}, all
}

// every returns every nth element of xs, from the first.
func every(xs []string, n int) []string {
	var out []string
	for i := 0; i < len(xs); i += n {
		out = append(out, xs[i])
	}
	return out
}

// subgraph is graph with only the root actions on pkgs.
func subgraph(graph *checker.Graph, pkgs []*packages.Package) *checker.Graph {
	in := make(map[*packages.Package]bool, len(pkgs))
	for _, p := range pkgs {
		in[p] = true
	}
	sub := new(checker.Graph)
	for _, act := range graph.Roots {
		if in[act.Package] {
			sub.Roots = append(sub.Roots, act)
		}
	}
	return sub
}

func errorLines(pkgs []*packages.Package) int {
	n := 0
	for _, p := range pkgs {
		n += len(p.Errors)
	}
	return n
}

// goEnv returns the go command's value of the variable name.
func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}
