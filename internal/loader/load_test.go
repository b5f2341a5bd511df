package loader

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// TestSameAsGoPackages loads packages with this loader and with
// go/packages in the mode it replaces, and compares them package by
// package: files, errors, ill-typedness, scopes and every types.Info map.
func TestSameAsGoPackages(t *testing.T) {
	mod, err := filepath.Abs("testdata/mod")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		dir      string
		tests    bool
		patterns []string
	}{
		{"errors and tests", mod, true, []string{"./..."}},
		{"std", "", false, []string{"net/http", "compress/gzip", "runtime/cgo"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mine, err := Load(Config{Dir: c.dir, Tests: c.tests}, c.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: c.dir, Tests: c.tests, ParseFile: defaultParse}
			theirs, err := packages.Load(cfg, c.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			compareGraphs(t, byID(mine), byID(theirs))
		})
	}
}

func byID(roots []*packages.Package) map[string]*packages.Package {
	m := make(map[string]*packages.Package)
	packages.Visit(roots, nil, func(p *packages.Package) { m[p.ID] = p })
	return m
}

func compareGraphs(t *testing.T, mine, theirs map[string]*packages.Package) {
	t.Helper()
	if len(mine) != len(theirs) {
		t.Errorf("%d packages, go/packages %d", len(mine), len(theirs))
	}
	for id, want := range theirs {
		got, ok := mine[id]
		if !ok {
			t.Errorf("%s: not loaded", id)
			continue
		}
		if diff := comparePackage(got, want); diff != "" {
			t.Errorf("%s: %s", id, diff)
		}
	}
}

// comparePackage returns how got differs from want, "" if in nothing
// the analyzers can see.
func comparePackage(got, want *packages.Package) string {
	switch {
	case !slices.Equal(fileNames(got), fileNames(want)):
		return fmt.Sprintf("files %v, want %v", fileNames(got), fileNames(want))
	case !slices.Equal(got.Errors, want.Errors):
		return fmt.Sprintf("errors %v, want %v", got.Errors, want.Errors)
	case len(got.TypeErrors) != len(want.TypeErrors):
		return fmt.Sprintf("%d type errors, want %d", len(got.TypeErrors), len(want.TypeErrors))
	case got.IllTyped != want.IllTyped:
		return fmt.Sprintf("ill-typed %v, want %v", got.IllTyped, want.IllTyped)
	case got.Types.Path() != want.Types.Path() || got.Types.Name() != want.Types.Name() || !got.Types.Complete():
		return fmt.Sprintf("package %v, want %v", got.Types, want.Types)
	case !slices.Equal(got.Types.Scope().Names(), want.Types.Scope().Names()):
		return fmt.Sprintf("scope %v, want %v", got.Types.Scope().Names(), want.Types.Scope().Names())
	case got.TypesSizes != want.TypesSizes && fmt.Sprint(got.TypesSizes) != fmt.Sprint(want.TypesSizes):
		return fmt.Sprintf("sizes %v, want %v", got.TypesSizes, want.TypesSizes)
	}
	if g, w := infoSizes(got), infoSizes(want); g != w {
		return fmt.Sprintf("types.Info map sizes %v, want %v", g, w)
	}
	return ""
}

func fileNames(p *packages.Package) []string {
	var names []string
	for _, f := range p.Syntax {
		names = append(names, p.Fset.File(f.FileStart).Name())
	}
	return names
}

// infoSizes is the size of every map of a types.Info, in a fixed order.
func infoSizes(p *packages.Package) [8]int {
	i := p.TypesInfo
	return [8]int{len(i.Types), len(i.Defs), len(i.Uses), len(i.Implicits), len(i.Instances), len(i.Scopes), len(i.Selections), len(i.FileVersions)}
}

// TestFilesOnce checks that every file is parsed once, by the parser
// given, even when a package and its test variant share it.
func TestFilesOnce(t *testing.T) {
	mod, err := filepath.Abs("testdata/mod")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := make(map[string]int)
	parse := func(fset *token.FileSet, name string, src []byte) (*ast.File, error) {
		mu.Lock()
		seen[name]++
		mu.Unlock()
		return defaultParse(fset, name, src)
	}
	if _, err := Load(Config{Dir: mod, Tests: true, Parse: parse}, "./..."); err != nil {
		t.Fatal(err)
	}
	for name, n := range seen {
		if n != 1 {
			t.Errorf("%s parsed %d times", filepath.Base(name), n)
		}
	}
	if len(seen) == 0 {
		t.Error("the parser given was never called")
	}
}

// TestCycleDoesNotHang builds an import cycle by hand (go/packages
// breaks them, so the go command's packages never have one): the
// workers must still finish, each package failing to import the other.
func TestCycleDoesNotHang(t *testing.T) {
	a := &packages.Package{ID: "a", PkgPath: "a", Name: "a", Imports: map[string]*packages.Package{}}
	b := &packages.Package{ID: "b", PkgPath: "b", Name: "b", Imports: map[string]*packages.Package{"a": a}}
	a.Imports["b"] = b
	done := make(chan struct{})
	go func() {
		newGraph([]*packages.Package{a}, token.NewFileSet(), defaultParse).run(2)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the workers are still waiting after 10s")
	}
	for _, p := range []*packages.Package{a, b} {
		if p.Types == nil || !p.Types.Complete() {
			t.Errorf("%s: not type-checked", p.ID)
		}
	}
}
