package syntax

import (
	"go/ast"
)

// Node is one node of the kinds the checks look for, recorded in the
// package's one walk: calls, assignments and declarations of values,
// returns, range and for loops, selects, branch statements, type
// switches, composite literals and function literals.
type Node struct {
	N      ast.Node
	Parent ast.Node // its parent in the syntax tree
	Func   int32    // the innermost function holding it (index into Funcs), -1 at package level
}

// Func is one function, declared or literal.
type Func struct {
	N          ast.Node // *ast.FuncDecl or *ast.FuncLit
	Outer      int32    // the function it is nested in, -1 if none
	Start, End int32    // its nodes, those of nested functions included: Nodes()[Start:End]
}

// Decl is one top-level declaration of a file.
type Decl struct {
	D          ast.Decl
	Start, End int32 // its nodes: Nodes()[Start:End]
}

// index is the record of the package's one walk, in source preorder:
// the nodes of a function or declaration are contiguous.
type index struct {
	nodes  []Node
	funcs  []Func
	decls  []Decl
	funcOf map[ast.Node]int32 // function node to its index in funcs
}

// Nodes returns the recorded nodes of the package in preorder.
func (s *Files) Nodes() []Node { return s.idx.nodes }

// Funcs returns the functions of the package in preorder: a function
// comes before those nested in it.
func (s *Files) Funcs() []Func { return s.idx.funcs }

// Decls returns the top-level declarations of the package's files.
func (s *Files) Decls() []Decl { return s.idx.decls }

// FuncIndex returns the index in Funcs of a function node.
func (s *Files) FuncIndex(fn ast.Node) (int32, bool) {
	i, ok := s.idx.funcOf[fn]
	return i, ok
}

// Outermost returns the function that function i is nested in at the
// top level (i itself for a declared function or a literal at package
// level), and -1 for -1 (package level).
func (s *Files) Outermost(i int32) int32 {
	for i >= 0 && s.idx.funcs[i].Outer >= 0 {
		i = s.idx.funcs[i].Outer
	}
	return i
}

// Own returns the nodes of function i that are not inside a function
// nested in it.
func (s *Files) Own(i int32) func(yield func(Node) bool) {
	f := s.idx.funcs[i]
	return func(yield func(Node) bool) {
		for _, n := range s.idx.nodes[f.Start:f.End] {
			if n.Func == i && !yield(n) {
				return
			}
		}
	}
}

// Within returns the nodes of function i, those of nested functions
// included.
func (s *Files) Within(i int32) []Node {
	f := s.idx.funcs[i]
	return s.idx.nodes[f.Start:f.End]
}

// build walks the files once.
func (x *index) build(files []*ast.File) {
	// On std, about 16 recorded nodes per 1000 bytes of declarations
	// (5% at most in a large package): reserving 2% spares most of the
	// copies appending would make.
	extent := 0
	for _, f := range files {
		extent += int(f.End() - f.Pos())
	}
	x.nodes = make([]Node, 0, extent/50)
	// And about one declared function per 1000 bytes, literals besides.
	x.funcs = make([]Func, 0, extent/500)
	x.funcOf = make(map[ast.Node]int32, extent/500)
	var stack []ast.Node
	fn := int32(-1)
	for _, f := range files {
		for _, d := range f.Decls {
			start := int32(len(x.nodes))
			ast.Inspect(d, func(n ast.Node) bool {
				if n == nil {
					fn = x.pop(stack[len(stack)-1], fn)
					stack = stack[:len(stack)-1]
					return true
				}
				fn = x.push(n, stack, fn)
				stack = append(stack, n)
				return true
			})
			x.decls = append(x.decls, Decl{D: d, Start: start, End: int32(len(x.nodes))})
		}
	}
}

// push records n, whose ancestors are stack, inside function fn, and
// returns the function its children are in.
func (x *index) push(n ast.Node, stack []ast.Node, fn int32) int32 {
	var parent ast.Node
	if len(stack) > 0 {
		parent = stack[len(stack)-1]
	}
	switch n.(type) {
	case *ast.CallExpr, *ast.AssignStmt, *ast.ValueSpec, *ast.ReturnStmt, *ast.RangeStmt,
		*ast.ForStmt, *ast.SelectStmt, *ast.BranchStmt, *ast.TypeSwitchStmt, *ast.CompositeLit, *ast.FuncLit:
		x.nodes = append(x.nodes, Node{N: n, Parent: parent, Func: fn})
	}
	switch n.(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		i := int32(len(x.funcs))
		x.funcs = append(x.funcs, Func{N: n, Outer: fn, Start: int32(len(x.nodes))})
		x.funcOf[n] = i
		return i
	}
	return fn
}

// pop closes n; if it is a function, its node range ends here and the
// walk is back in the function around it.
func (x *index) pop(n ast.Node, fn int32) int32 {
	switch n.(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		x.funcs[fn].End = int32(len(x.nodes))
		return x.funcs[fn].Outer
	}
	return fn
}
