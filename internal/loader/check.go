package loader

import (
	"fmt"
	"go/ast"
	"go/scanner"
	"go/types"
	"os"
	"sync"

	"golang.org/x/tools/go/packages"
)

// parseFiles parses the package's compiled Go files (the cgo-processed
// ones for a cgo package). A file that cannot be read or parsed at all is
// left out; its error is the package's.
func (g *graph) parseFiles(n *node) {
	p := n.pkg
	p.Fset = g.fset
	p.Syntax = make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		f := g.file(name)
		f.once.Do(func() { f.parse(g, name) })
		n.size += f.size
		if f.err != nil {
			addError(p, f.err)
		}
		if f.syntax != nil {
			p.Syntax = append(p.Syntax, f.syntax)
		}
		g.taken(f)
	}
}

// A file is parsed once, however many packages list it: a package and
// its test variant share their files, as they do with go/packages.
type file struct {
	once   sync.Once
	syntax *ast.File
	err    error
	size   int // bytes
	users  int // packages that list the file and have not taken it yet
}

// file returns the entry of the named file, made on first use.
func (g *graph) file(name string) *file {
	g.mu.Lock()
	defer g.mu.Unlock()
	f := g.files[name]
	if f == nil {
		f = new(file)
		g.files[name] = f
	}
	return f
}

// taken records that one more package holds the file's syntax; once
// every package that lists it does, the cache lets go of it, so that it
// is freed with the last package that holds it.
func (g *graph) taken(f *file) {
	g.mu.Lock()
	defer g.mu.Unlock()
	f.users--
	if f.users == 0 {
		f.syntax = nil
	}
}

func (f *file) parse(g *graph, name string) {
	src, err := os.ReadFile(name)
	if err != nil {
		f.err = err
		return
	}
	f.size = len(src)
	f.syntax, f.err = g.parse(g.fset, name, src)
}

// check type-checks the package; its imports are done.
func (g *graph) check(n *node) {
	p := n.pkg
	if p.PkgPath == "unsafe" {
		// As go/packages: every field filled, so that no analyzer finds a
		// nil map where it expects one.
		p.Types, p.Syntax, p.TypesInfo = types.Unsafe, []*ast.File{}, newInfo(0)
		return
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	p.TypesInfo = newInfo(n.size)
	conf := &types.Config{
		Importer: importer{p},
		Error:    func(err error) { addError(p, err) },
		Sizes:    p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	err := types.NewChecker(conf, g.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if err != nil && len(p.Errors) == 0 {
		addError(p, err) // a failure the Error hook was not told of
	}
	p.IllTyped = len(p.Errors) > 0 || importsIllTyped(p)
}

func importsIllTyped(p *packages.Package) bool {
	for _, imp := range p.Imports {
		if imp.IllTyped {
			return true
		}
	}
	return false
}

// newInfo returns a types.Info recording everything analyzers read, its
// large maps sized for size bytes of source. The ratios are the medians
// over the standard library's packages, weighted by size (one type
// recorded per 15.4 bytes, one use per 25.5, one definition per 123, one
// selection per 138, one scope per 110): a package denser than the
// median grows a map once instead of ten times, a sparser one leaves part
// of it empty.
func newInfo(size int) *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, size/16),
		Defs:         make(map[*ast.Ident]types.Object, size/128),
		Uses:         make(map[*ast.Ident]types.Object, size/26),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope, size/128),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, size/160),
		FileVersions: make(map[*ast.File]string),
	}
}

// importer resolves a package's imports through its Imports map, which
// the go command filled (vendoring and test variants included).
type importer struct{ pkg *packages.Package }

func (im importer) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dep := im.pkg.Imports[path]
	if dep == nil {
		return nil, fmt.Errorf("missing package or import cycle: %q", path)
	}
	if dep.Types == nil || !dep.Types.Complete() {
		return nil, fmt.Errorf("import cycle through %q", path)
	}
	return dep.Types, nil
}

// addError records err as go/packages would: with the same kind and
// position, and type errors also in TypeErrors.
func addError(p *packages.Package, err error) {
	switch err := err.(type) {
	case types.Error:
		p.TypeErrors = append(p.TypeErrors, err)
		p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
	case scanner.ErrorList:
		for _, e := range err {
			p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	case *os.PathError:
		p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
	default:
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}
