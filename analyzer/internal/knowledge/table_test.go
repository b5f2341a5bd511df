package knowledge

import (
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestRowsResolve checks that every row of the table names a type,
// function or variable that exists in the standard library, or for a
// third-party row in the stub of its module under testdata/src (the
// fixtures' copy of its API), so a typo in a row cannot silently switch
// knowledge off.
func TestRowsResolve(t *testing.T) {
	std, third := map[string]bool{}, map[string]bool{}
	note := func(path string) {
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			third[path] = true // a module outside the standard library
		} else {
			std[path] = true
		}
	}
	for _, r := range table {
		note(r.Path)
	}
	for _, c := range calls {
		note(c.Path)
	}
	byPath := map[string]*types.Package{}
	loadTypes(t, byPath, nil, std)
	gopath, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	loadTypes(t, byPath, []string{"GOPATH=" + gopath, "GO111MODULE=off", "GOWORK=off"}, third)
	for _, r := range table {
		obj := lookupObject(byPath, r.Path, r.Name)
		if !rowMatches(r.Kind, obj) {
			t.Errorf("row %s.%s: %v is not a %v", r.Path, r.Name, obj, r.Kind)
		}
	}
	for _, c := range calls {
		if _, ok := lookupObject(byPath, c.Path, c.Name).(*types.Func); !ok {
			t.Errorf("call row %s.%s is not a function", c.Path, c.Name)
		}
	}
}

// loadTypes loads the packages of paths, in the environment env added
// to this process's, into byPath.
func loadTypes(t *testing.T, byPath map[string]*types.Package, env []string, paths map[string]bool) {
	t.Helper()
	if len(paths) == 0 {
		return
	}
	cfg := &packages.Config{Mode: packages.NeedTypes | packages.NeedName, Env: append(os.Environ(), env...)}
	pkgs, err := packages.Load(cfg, slices.Collect(maps.Keys(paths))...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p.Types
	}
}

func lookupObject(byPath map[string]*types.Package, path, name string) types.Object {
	pkg := byPath[path]
	if pkg == nil {
		return nil
	}
	return pkg.Scope().Lookup(name)
}

func rowMatches(k Kind, obj types.Object) bool {
	switch k {
	case Type:
		_, ok := obj.(*types.TypeName)
		return ok
	case Func:
		_, ok := obj.(*types.Func)
		return ok
	case Var:
		_, ok := obj.(*types.Var)
		return ok
	}
	return false
}

// TestFinalizingRowsHaveLost checks that every row whose writer must be
// finished says what is lost, since diagnostics quote it.
func TestFinalizingRowsHaveLost(t *testing.T) {
	for _, r := range table {
		if r.Traits&(Buffered|Finalizing) != 0 && r.Lost == "" {
			t.Errorf("row %s.%s is buffered or finalizing but says nothing of what is lost", r.Path, r.Name)
		}
	}
}

func (k Kind) String() string {
	switch k {
	case Type:
		return "type"
	case Func:
		return "function"
	case Var:
		return "variable"
	}
	return "?"
}
