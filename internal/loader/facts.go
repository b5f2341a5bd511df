package loader

import (
	"go/types"
	"log"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// factStore holds every fact of the run, for every analyzer. The
// checker copies each package's facts into every package that imports
// it; here they are stored once, and a view decides which a package may
// see, by the checker's rules.
type factStore struct {
	mu     sync.RWMutex
	object map[objectKey]analysis.Fact
	pkg    map[packageKey]analysis.Fact
	byPkg  map[*types.Package][]objectKey // object facts by the object's package
}

type objectKey struct {
	a   *analysis.Analyzer
	obj types.Object
	t   reflect.Type
}

type packageKey struct {
	a   *analysis.Analyzer
	pkg *types.Package
	t   reflect.Type
}

func newFacts() *factStore {
	return &factStore{
		object: make(map[objectKey]analysis.Fact),
		pkg:    make(map[packageKey]analysis.Fact),
		byPkg:  make(map[*types.Package][]objectKey),
	}
}

// A factView is what one analyzer sees of the facts while analyzing one
// package: its own, and its dependencies'.
type factView struct {
	s    *factStore
	a    *analysis.Analyzer
	pkg  *types.Package
	deps map[*types.Package]bool // every dependency; true for a direct import
}

func (s *factStore) view(a *analysis.Analyzer, pkg *types.Package, deps map[*types.Package]bool) *factView {
	return &factView{s: s, a: a, pkg: pkg, deps: deps}
}

// visible reports whether the checker would pass a fact about obj on to
// the package: the checker copies facts from each import, keeping those
// about objects its export data may mention (exportedFrom in
// x/tools/go/analysis/checker), so a package-level function's or
// variable's fact crosses one import only, and only an exported
// function's; facts about types, constants, fields and methods reach
// every package that depends on them.
func (v *factView) visible(obj types.Object) bool {
	if obj.Pkg() == v.pkg {
		return true
	}
	direct, ok := v.deps[obj.Pkg()]
	if !ok {
		return false // not a dependency
	}
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature().Recv() != nil || direct && obj.Exported()
	case *types.Var:
		return obj.IsField() || direct
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

func (v *factView) importObject(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		log.Panicf("%s: ImportObjectFact of a nil object", v.a.Name)
	}
	v.s.mu.RLock()
	fact, ok := v.s.object[objectKey{v.a, obj, reflect.TypeOf(ptr)}]
	v.s.mu.RUnlock()
	if !ok || !v.visible(obj) {
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	return true
}

func (v *factView) exportObject(obj types.Object, fact analysis.Fact) {
	if obj.Pkg() != v.pkg {
		log.Panicf("%s: ExportObjectFact(%s, %T): the object belongs to another package", v.a.Name, obj, fact)
	}
	key := objectKey{v.a, obj, reflect.TypeOf(fact)}
	v.s.mu.Lock()
	defer v.s.mu.Unlock()
	if _, ok := v.s.object[key]; !ok {
		v.s.byPkg[v.pkg] = append(v.s.byPkg[v.pkg], key)
	}
	v.s.object[key] = fact
}

func (v *factView) importPackage(pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		log.Panicf("%s: ImportPackageFact of a nil package", v.a.Name)
	}
	if _, ok := v.deps[pkg]; !ok && pkg != v.pkg {
		return false // not a dependency
	}
	v.s.mu.RLock()
	fact, ok := v.s.pkg[packageKey{v.a, pkg, reflect.TypeOf(ptr)}]
	v.s.mu.RUnlock()
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	}
	return ok
}

func (v *factView) exportPackage(fact analysis.Fact) {
	v.s.mu.Lock()
	v.s.pkg[packageKey{v.a, v.pkg, reflect.TypeOf(fact)}] = fact
	v.s.mu.Unlock()
}

// allObjects returns the object facts the analyzer may see.
func (v *factView) allObjects() []analysis.ObjectFact {
	v.s.mu.RLock()
	defer v.s.mu.RUnlock()
	var facts []analysis.ObjectFact
	add := func(pkg *types.Package) {
		for _, key := range v.s.byPkg[pkg] {
			if key.a == v.a && v.visible(key.obj) {
				facts = append(facts, analysis.ObjectFact{Object: key.obj, Fact: v.s.object[key]})
			}
		}
	}
	add(v.pkg)
	for dep := range v.deps {
		add(dep)
	}
	return facts
}

// allPackages returns the package facts the analyzer may see.
func (v *factView) allPackages() []analysis.PackageFact {
	v.s.mu.RLock()
	defer v.s.mu.RUnlock()
	var facts []analysis.PackageFact
	for key, fact := range v.s.pkg {
		if _, dep := v.deps[key.pkg]; key.a == v.a && (dep || key.pkg == v.pkg) {
			facts = append(facts, analysis.PackageFact{Package: key.pkg, Fact: fact})
		}
	}
	return facts
}
