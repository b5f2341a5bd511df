package suite_test

// Helpers shared by the crash test and the fuzz target: a guard that
// turns an analyzer's panic into a recorded failure, and a way to turn
// one Go file into a package that the analysis checker can run on.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// A crash is an analyzer's panic, caught by the guard.
type crash struct {
	analyzer, pkg string
	value         any
	stack         string
}

func (c crash) String() string {
	return fmt.Sprintf("%s panicked on %s: %v\n%s", c.analyzer, c.pkg, c.value, c.stack)
}

var (
	guardOnce sync.Once
	crashesMu sync.Mutex
	crashes   []crash
)

// guardSuite makes every analyzer of the suite, and every analyzer they
// require, recover from a panic in its Run: the panic is recorded (see
// takeCrashes) and the action fails with an error instead of killing the
// test binary, so that one run can report every crash with its package.
// The analyzers are shared globals; this test binary alone changes them.
func guardSuite() {
	guardOnce.Do(func() {
		for _, a := range suite.WithRequired(suite.Analyzers()) {
			a.Run = guarded(a.Name, a.Run)
		}
	})
}

func guarded(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if v := recover(); v != nil {
				c := crash{analyzer: name, pkg: pass.Pkg.Path(), value: v, stack: string(debug.Stack())}
				crashesMu.Lock()
				crashes = append(crashes, c)
				crashesMu.Unlock()
				result, err = nil, fmt.Errorf("panic: %v", v)
			}
		}()
		return run(pass)
	}
}

// takeCrashes returns the crashes recorded since the last call.
func takeCrashes() []crash {
	crashesMu.Lock()
	defer crashesMu.Unlock()
	out := crashes
	crashes = nil
	return out
}

// parseMode is go/packages' own: the analyzers see what they see there.
const parseMode = parser.AllErrors | parser.ParseComments

// newInfo returns a types.Info with every map that go/packages fills.
func newInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

// universe resolves imports for single-file packages: import path to
// loaded package. Its packages come from one packages.Load, so their
// types agree with one another.
type universe map[string]*packages.Package

// newUniverse indexes the non-test variants of pkgs and their
// dependencies by import path.
func newUniverse(pkgs []*packages.Package) universe {
	u := make(universe)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.ID == p.PkgPath && p.Types != nil {
			u[p.PkgPath] = p
		}
	})
	return u
}

// filePackage parses and type-checks the one file src as a package of
// its own, with path as its import path, as go/packages would: parse and
// type errors become the package's Errors and make it IllTyped, never a
// panic. Imports resolve in u; others are type errors. A panic of the
// type checker itself (not flushcheck's code) is returned as typePanic.
func filePackage(fset *token.FileSet, u universe, path, filename string, src []byte) (pkg *packages.Package, typePanic any) {
	pkg = &packages.Package{
		ID:              path,
		PkgPath:         path,
		GoFiles:         []string{filename},
		CompiledGoFiles: []string{filename},
		Fset:            fset,
		Imports:         make(map[string]*packages.Package),
		TypesSizes:      types.SizesFor("gc", runtime.GOARCH),
		TypesInfo:       newInfo(),
	}
	f, err := parser.ParseFile(fset, filename, src, parseMode)
	if err != nil {
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.ParseError})
	}
	name := "p"
	if f != nil {
		pkg.Syntax = []*ast.File{f}
		if f.Name != nil && f.Name.Name != "" && f.Name.Name != "_" {
			name = f.Name.Name
		}
		for _, spec := range f.Imports {
			ip, err := strconv.Unquote(spec.Path.Value)
			if dep, ok := u[ip]; err == nil && ok {
				pkg.Imports[ip] = dep
			}
		}
	}
	pkg.Name = name
	conf := types.Config{
		Importer: importerFunc(func(ip string) (*types.Package, error) {
			if ip == "unsafe" {
				return types.Unsafe, nil
			}
			if dep, ok := pkg.Imports[ip]; ok {
				return dep.Types, nil
			}
			return nil, fmt.Errorf("package %q is not available to this test", ip)
		}),
		Sizes: pkg.TypesSizes,
		Error: func(err error) {
			pkg.Errors = append(pkg.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
			if te, ok := err.(types.Error); ok {
				pkg.TypeErrors = append(pkg.TypeErrors, te)
			}
		},
	}
	func() {
		defer func() {
			if v := recover(); v != nil {
				typePanic = v
			}
		}()
		pkg.Types, _ = conf.Check(path, fset, pkg.Syntax, pkg.TypesInfo) // errors went to conf.Error
	}()
	if pkg.Types == nil {
		pkg.Types = types.NewPackage(path, name)
	}
	pkg.Name = pkg.Types.Name()
	if pkg.Name == "" {
		pkg.Name = name
	}
	pkg.IllTyped = len(pkg.Errors) > 0 || typePanic != nil
	return pkg, typePanic
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// tally counts what a checker run did on its root packages.
type tally struct {
	packages, files, illTyped   int
	findings                    map[string]int // by check
	skipped, failedPrereq, errs int            // actions that did not run, by reason
	unexpected                  []string       // errors of actions on well-typed packages
}

func newTally() *tally { return &tally{findings: make(map[string]int)} }

// add counts graph's root actions on the packages roots.
func (t *tally) add(graph *checker.Graph, roots []*packages.Package) {
	for _, p := range roots {
		t.packages++
		t.files += len(p.Syntax)
		if p.IllTyped {
			t.illTyped++
		}
	}
	for _, act := range graph.Roots {
		t.findings[act.Analyzer.Name] += len(act.Diagnostics)
		switch {
		case act.Err == nil:
		case act.Package.IllTyped && act.Err.Error() == "analysis skipped due to errors in package":
			t.skipped++
		case act.Package.IllTyped && isFailedPrereq(act.Err):
			t.failedPrereq++
		default:
			t.errs++
			t.unexpected = append(t.unexpected, fmt.Sprintf("%s on %s: %v", act.Analyzer.Name, act.Package.ID, act.Err))
		}
	}
}

func (t *tally) totalFindings() int {
	n := 0
	for _, c := range t.findings {
		n += c
	}
	return n
}

func (t *tally) String() string {
	return fmt.Sprintf("%d packages (%d ill-typed), %d files, %d findings %v; actions not run: %d skipped for type errors, %d for failed prerequisites; %d unexpected errors",
		t.packages, t.illTyped, t.files, t.totalFindings(), t.findings, t.skipped, t.failedPrereq, t.errs)
}

func isFailedPrereq(err error) bool {
	const prefix = "failed prerequisites: "
	return len(err.Error()) >= len(prefix) && err.Error()[:len(prefix)] == prefix
}
