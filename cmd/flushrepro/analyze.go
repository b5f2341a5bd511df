package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// reproducerRoot is the import path under which the reproducers live.
const reproducerRoot = "github.com/flushcheck/flushcheck/testdata/reproducers/"

// A want is an expectation written in a reproducer: the check named
// must report in the function, with a message matching re if set.
type want struct {
	check string
	re    *regexp.Regexp
	pos   token.Position
}

// A finding is one diagnostic, with its check.
type finding struct {
	check   string
	message string
	pos     token.Position
}

// A shape is one function (or method) of a reproducer: its variant is
// "bad", "fixed", or "" for helpers, from the name of the function or of
// its receiver's type.
type shape struct {
	name     string
	variant  string
	wants    []want
	findings []finding
	pos, end token.Pos
}

// report is what the analyzers said about one reproducer package.
type report struct {
	shapes []*shape
}

// analyze loads the reproducer packages named and runs the whole suite
// over them. dir is any directory of the module.
func analyze(dir string, pkgs []string) (map[string]*report, error) {
	paths := make([]string, len(pkgs))
	for i, p := range pkgs {
		paths[i] = reproducerRoot + p
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}
	loaded, err := packages.Load(cfg, paths...)
	if err != nil {
		return nil, fmt.Errorf("load reproducers: %v", err)
	}
	if n := packages.PrintErrors(loaded); n > 0 {
		return nil, fmt.Errorf("reproducers do not compile (%d errors)", n)
	}
	graph, err := checker.Analyze(suite.Analyzers(), loaded, nil)
	if err != nil {
		return nil, fmt.Errorf("analyze reproducers: %v", err)
	}
	out := make(map[string]*report)
	for _, p := range loaded {
		rep, err := shapesOf(p)
		if err != nil {
			return nil, err
		}
		out[strings.TrimPrefix(p.PkgPath, reproducerRoot)] = rep
	}
	for _, act := range graph.Roots {
		rep := out[strings.TrimPrefix(act.Package.PkgPath, reproducerRoot)]
		if act.Err != nil {
			return nil, fmt.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			rep.add(act.Package.Fset, act.Analyzer, d)
		}
	}
	return out, nil
}

// add files d under the shape that contains it, or a helper shape.
func (r *report) add(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) {
	f := finding{check: a.Name, message: d.Message, pos: fset.Position(d.Pos)}
	for _, s := range r.shapes {
		if s.pos <= d.Pos && d.Pos < s.end {
			s.findings = append(s.findings, f)
			return
		}
	}
	r.shapes = append(r.shapes, &shape{name: "(package level)", findings: []finding{f}})
}

// shapesOf lists the functions of p with the wants written in them.
func shapesOf(p *packages.Package) (*report, error) {
	rep := &report{}
	for _, file := range p.Syntax {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue // types and variables hold no shapes
			}
			s := &shape{name: funcName(fd), pos: fd.Pos(), end: fd.End()}
			s.variant = variantOf(s.name)
			rep.shapes = append(rep.shapes, s)
		}
		if err := rep.addWants(p.Fset, file); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// variantOf reads the variant from a name: Bad or Fixed at the end of
// the function's name or of its receiver type's.
func variantOf(name string) string {
	for _, part := range strings.Split(name, ".") {
		switch {
		case strings.HasSuffix(part, "Bad"):
			return "bad"
		case strings.HasSuffix(part, "Fixed"):
			return "fixed"
		}
	}
	return ""
}
