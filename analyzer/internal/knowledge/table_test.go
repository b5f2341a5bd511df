package knowledge

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestRowsResolve checks that every row of the table names a type,
// function or variable that exists in the standard library, so a typo in
// a row cannot silently switch knowledge off.
func TestRowsResolve(t *testing.T) {
	paths := map[string]bool{}
	for _, r := range table {
		paths[r.Path] = true
	}
	for _, c := range calls {
		paths[c.Path] = true
	}
	var patterns []string
	for p := range paths {
		patterns = append(patterns, p)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p.Types
	}
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
