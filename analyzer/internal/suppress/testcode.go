package suppress

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/astutil"
)

// inTestCode reports whether pos lies in test code: a function that
// returns nothing and takes a parameter or receiver implementing
// testing.TB (*testing.T, *testing.B, *testing.F, testing.TB itself), or
// a closure returning nothing inside one. Such code reports only through
// the testing.TB: a lost byte fails the test (its peer checks what
// arrives) and is never a success reported to a user. A test helper that
// returns a value (the name of the file it wrote) reports that value as
// good, and is judged like any function. An example in a _test.go file
// (func ExampleX() with no parameters and results) is test code too: go
// test compares what it prints with its Output comment.
func (r *Reporter) inTestCode(f *ast.File, pos token.Pos) bool {
	if f == nil || r.pass.TypesInfo == nil {
		return false // no syntax or no types: nothing to judge by
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	innermost := true
	for _, n := range path {
		var recv *ast.FieldList
		var typ *ast.FuncType
		switch fn := n.(type) {
		case *ast.FuncDecl:
			if r.isExample(fn) {
				return true
			}
			recv, typ = fn.Recv, fn.Type
		case *ast.FuncLit:
			typ = fn.Type
		default:
			continue // not a function
		}
		if innermost && typ.Results.NumFields() > 0 {
			return false // the code at pos reports its results to a caller
		}
		innermost = false
		if r.takesTB(recv) || r.takesTB(typ.Params) {
			return true
		}
	}
	return false
}

// takesTB reports whether one of params (nil: none) has a type
// implementing testing.TB.
func (r *Reporter) takesTB(params *ast.FieldList) bool {
	if params == nil {
		return false // a function, not a method
	}
	for _, field := range params.List {
		if t := r.pass.TypesInfo.TypeOf(field.Type); t != nil && implementsTB(t) {
			return true
		}
	}
	return false
}

// implementsTB reports whether t implements testing.TB. TB has an
// unexported method, so only types that embed one of testing's own
// types implement it; the testing package is found through t's methods,
// which spares searching the imports.
func implementsTB(t types.Type) bool {
	ms := types.NewMethodSet(t)
	for i := range ms.Len() {
		pkg := ms.At(i).Obj().Pkg()
		if pkg == nil || pkg.Path() != "testing" {
			continue // a method of another package
		}
		tb, ok := pkg.Scope().Lookup("TB").(*types.TypeName)
		if !ok {
			return false // a testing package without TB: not the standard one
		}
		iface, ok := tb.Type().Underlying().(*types.Interface)
		return ok && types.Implements(t, iface)
	}
	return false
}

// isExample reports whether fn is an example as go test finds them: a
// function of a _test.go file named Example, ExampleF, ExampleT_M or
// Example_suffix (what follows "Example" does not start with a lower-case
// letter), with no receiver, parameters or results.
func (r *Reporter) isExample(fn *ast.FuncDecl) bool {
	rest, ok := strings.CutPrefix(fn.Name.Name, "Example")
	if !ok || fn.Recv != nil || fn.Type.Params.NumFields() > 0 || fn.Type.Results.NumFields() > 0 {
		return false // not named like an example, or not its signature
	}
	if rest != "" && unicode.IsLower([]rune(rest)[0]) {
		return false // Examplefoo is an ordinary function
	}
	tf := r.pass.Fset.File(fn.Pos())
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}
