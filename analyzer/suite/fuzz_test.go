package suite_test

import (
	"cmp"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// FuzzSuite runs every analyzer of the suite on one Go file, mutated
// from the analyzers' testdata, as a package of its own. No analyzer
// may panic, no analysis of a well-typed file may fail, and the first
// fix of every finding must leave a file that still parses: a fix may
// be wrong, but it must never corrupt the file.
//
// The file imports from a fixed universe: the packages that the seeds
// import (the standard library's and the testdata's stand-ins for
// golang.org/x/sys/unix and the like), as export data. Facts of
// imported packages are not computed (that would analyze the standard
// library on every input); the analyzers must cope with knowing none.
//
// The seeds run in every go test; go test -fuzz FuzzSuite ./analyzer/suite
// explores. A crasher found goes under testdata/fuzz/FuzzSuite.
func FuzzSuite(f *testing.F) {
	guardSuite()
	seeds := fuzzSeeds(f)
	for _, s := range seeds {
		f.Add(s)
	}
	fz := newFuzzer(f, seeds)
	f.Fuzz(fz.check)
}

// fuzzSeeds returns the Go files (and fix goldens) of every analyzer's
// testdata, in a fixed order.
func fuzzSeeds(f testing.TB) [][]byte {
	var files []string
	for _, root := range testdataDirs(f) {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".go.golden")) {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			f.Fatal(err)
		}
	}
	slices.Sort(files)
	if len(files) < len(suite.Analyzers()) {
		f.Fatalf("found only %d seed files", len(files))
	}
	var seeds [][]byte
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, src)
	}
	return seeds
}

// testdataDirs returns the GOPATH-style testdata/src directories of the
// analyzers and of their internal packages.
func testdataDirs(tb testing.TB) []string {
	var dirs []string
	for _, pattern := range []string{"../*/testdata/src", "../internal/*/testdata/src"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		dirs = append(dirs, m...)
	}
	slices.Sort(dirs)
	for i, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			tb.Fatal(err)
		}
		dirs[i] = abs
	}
	return dirs
}

// gopath returns the testdata directories, the parents of their src.
func gopath(tb testing.TB) []string {
	var dirs []string
	for _, src := range testdataDirs(tb) {
		dirs = append(dirs, filepath.Dir(src))
	}
	return dirs
}

// fuzzer holds what every input shares: the import universe and its
// file set, and a file to write the input to (fixes read the file).
type fuzzer struct {
	u     universe
	files []*token.File // the universe's, added to each input's file set
	path  string
}

func newFuzzer(f testing.TB, seeds [][]byte) *fuzzer {
	fset := token.NewFileSet()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedTypesSizes | packages.NeedImports | packages.NeedDeps,
		Dir:  f.TempDir(),
		Fset: fset,
		Env: append(os.Environ(), "GO111MODULE=off", "GOFLAGS=", "GOWORK=off",
			"GOPATH="+strings.Join(gopath(f), string(filepath.ListSeparator))),
	}
	pkgs, err := packages.Load(cfg, seedImports(seeds)...)
	if err != nil {
		f.Fatal(err)
	}
	fz := &fuzzer{u: newUniverse(pkgs), path: filepath.Join(f.TempDir(), "fuzz.go")}
	for p, pkg := range fz.u {
		if len(pkg.Errors) > 0 {
			delete(fz.u, p) // a stand-in that does not build: its imports are type errors
		}
	}
	fset.Iterate(func(tf *token.File) bool {
		fz.files = append(fz.files, tf)
		return true
	})
	return fz
}

// seedImports returns the import paths of the seeds that a package can
// be loaded for.
func seedImports(seeds [][]byte) []string {
	seen := make(map[string]bool)
	for _, src := range seeds {
		f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil && p != "C" && p != "unsafe" && !strings.HasPrefix(p, ".") {
				seen[p] = true
			}
		}
	}
	return slices.Sorted(func(yield func(string) bool) {
		for p := range seen {
			if !yield(p) {
				return
			}
		}
	})
}

// check analyzes src and fails on a panic, on a failed analysis of a
// well-typed file, or on a fix that leaves a file that does not parse.
func (fz *fuzzer) check(t *testing.T, src []byte) {
	if err := os.WriteFile(fz.path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	fset.AddExistingFiles(fz.files...)
	pkg, typePanic := filePackage(fset, fz.u, "fuzz/p", fz.path, src)
	if typePanic != nil {
		t.Skipf("go/types panicked (not flushcheck's code): %v", typePanic)
	}
	pkg.Imports = nil // export data only: no syntax to run the fact analyzers on
	if onlySoftErrors(pkg) {
		// Unused variables and imports leave the types whole: analyze
		// such files too (go/packages would skip them), since mutations
		// make many of them.
		pkg.IllTyped = false
	}
	graph := analyzeWithin(t, fuzzDeadline, pkg)
	if cs := takeCrashes(); len(cs) > 0 {
		t.Fatalf("%s", cs[0])
	}
	for _, act := range graph.Roots {
		if act.Err != nil && !pkg.IllTyped {
			t.Errorf("%s failed on a well-typed file: %v", act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			checkFix(t, fset, act.Analyzer, d, src)
		}
	}
}

// onlySoftErrors reports whether pkg has errors and all of them are
// soft type errors ("declared and not used", "imported and not used").
func onlySoftErrors(pkg *packages.Package) bool {
	if len(pkg.Errors) == 0 || len(pkg.TypeErrors) != len(pkg.Errors) {
		return false
	}
	for _, e := range pkg.TypeErrors {
		if !e.Soft {
			return false
		}
	}
	return true
}

// fuzzDeadline bounds the analysis of one input: thousands of times
// what a seed takes, so that only a runaway analysis (a loop, or work
// exponential in the input) reaches it.
const fuzzDeadline = 30 * time.Second

// analyzeWithin runs the suite on pkg and fails the test if that takes
// longer than d, with the stacks of the analyzers still running.
func analyzeWithin(t *testing.T, d time.Duration, pkg *packages.Package) *checker.Graph {
	t.Helper()
	type result struct {
		graph *checker.Graph
		err   error
	}
	done := make(chan result, 1)
	go func() {
		g, err := checker.Analyze(suite.Analyzers(), []*packages.Package{pkg}, nil)
		done <- result{g, err}
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.graph
	case <-timer.C:
		t.Fatalf("the analysis did not finish within %v; still running:\n%s", d, analyzerStacks())
		return nil
	}
}

// analyzerStacks returns the stacks of the goroutines that are running
// code of flushcheck's analyzers.
func analyzerStacks() string {
	buf := make([]byte, 1<<22)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		if strings.Contains(g, "flushcheck/analyzer/") && !strings.Contains(g, "analyzerStacks") {
			out = append(out, g)
		}
	}
	return strings.Join(out, "\n\n")
}

// checkFix applies the first fix of d to src and checks that the file
// still parses when it parsed before.
func checkFix(t *testing.T, fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic, src []byte) {
	if len(d.SuggestedFixes) == 0 {
		return
	}
	type edit struct {
		start, end int
		text       []byte
	}
	var edits []edit
	for _, e := range d.SuggestedFixes[0].TextEdits {
		start := fset.PositionFor(e.Pos, false).Offset
		end := start
		if e.End.IsValid() {
			end = fset.PositionFor(e.End, false).Offset
		}
		edits = append(edits, edit{start, end, e.NewText})
	}
	slices.SortStableFunc(edits, func(x, y edit) int { return cmp.Compare(x.start, y.start) })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.start < last || e.end < e.start || e.end > len(src) {
			t.Fatalf("%s: fix %q has edits out of order or range", a.Name, d.SuggestedFixes[0].Message)
		}
		out = append(append(out, src[last:e.start]...), e.text...)
		last = e.end
	}
	out = append(out, src[last:]...)
	if _, err := parser.ParseFile(token.NewFileSet(), "", src, parseMode); err != nil {
		return // the input did not parse to begin with
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "fixed.go", out, parseMode); err != nil {
		t.Errorf("%s: fix %q of %q leaves a file that does not parse: %v\n%s", a.Name, d.SuggestedFixes[0].Message, d.Message, err, out)
	}
}
