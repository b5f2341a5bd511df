// Package loader loads Go packages with syntax and types, dependencies
// included, and runs analyzers over them: what go/packages (with
// LoadAllSyntax | NeedModule) and golang.org/x/tools/go/analysis/checker
// do together, cheaper in time and memory. The go command lists the
// packages (go/packages in metadata mode); this package parses and
// type-checks them itself, in dependency order, on every core.
//
// It exists for speed. go/packages starts a goroutine per package and
// grows the maps of each types.Info from empty; on the standard library
// that growth alone (rehashing, and the garbage of the outgrown tables)
// is a tenth of the load. Here a fixed pool of workers parses files while
// no package is ready to type-check, type-checks packages as soon as
// their imports are done, and sizes each package's types.Info maps from
// its source size. And the checker analyzes only once every package is
// loaded, so the syntax of the whole program is in memory at once: with
// Analyze, each package is analyzed as soon as it is type-checked (and
// its imports analyzed), then its syntax and type information are
// dropped, keeping its types and facts for the packages that import it.
//
// Load returns what go/packages would: the same fields (Syntax, Types,
// TypesInfo, TypesSizes, Errors, TypeErrors, IllTyped), errors of the
// same kinds with the same positions. Analyze gives each analyzer what
// the checker would: the same passes, the same facts by the same rules,
// the same errors. The tests compare both with x/tools, package by
// package and finding by finding.
package loader

import (
	"go/ast"
	"go/parser"
	"go/token"

	"golang.org/x/tools/go/packages"
)

// metadataMode is what the go command can say without parsing: names,
// files, imports, module, and the sizes of the target platform.
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// ParseFunc parses one file, as packages.Config.ParseFile. It is called
// concurrently.
type ParseFunc func(fset *token.FileSet, filename string, src []byte) (*ast.File, error)

// Config says where and how to load.
type Config struct {
	Dir        string    // directory to run the go command in ("" for the current one)
	Env        []string  // the go command's environment (nil for the process's)
	BuildFlags []string  // flags for the go command, such as -tags
	Tests      bool      // also load test variants and test files
	Parse      ParseFunc // nil: parser.ParseFile in ParseMode
}

// Load loads the packages matching patterns, and their dependencies,
// with syntax and types. As packages.Load, it fails only when the go
// command does; errors in packages are in their Errors fields.
func Load(cfg Config, patterns ...string) ([]*packages.Package, error) {
	roots, err := list(cfg, patterns)
	if err != nil {
		return nil, err
	}
	g := newGraph(roots, token.NewFileSet(), parserOf(cfg))
	g.run(g.workers())
	return roots, nil
}

// list asks the go command for the packages and their imports.
func list(cfg Config, patterns []string) ([]*packages.Package, error) {
	pc := &packages.Config{Mode: metadataMode, Dir: cfg.Dir, Env: cfg.Env, BuildFlags: cfg.BuildFlags, Tests: cfg.Tests}
	return packages.Load(pc, patterns...)
}

func parserOf(cfg Config) ParseFunc {
	if cfg.Parse != nil {
		return cfg.Parse
	}
	return defaultParse
}

// ParseMode is go/packages' own parse mode without object resolution:
// go/types does not need it, no analyzer reads ast.Object, and it is a
// tenth of parsing.
const ParseMode = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution

func defaultParse(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, ParseMode)
}
