package discard

import (
	"bytes"
	"errors"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/paths"
)

// fixes returns the suggested fix for a discard, where one is
// mechanically right: a discarded call in a function that returns an
// error becomes a checked one; a deferred call in a function with a named
// error result keeps its error unless an earlier one is being returned.
func (c *checker) fixes(stmt inspector.Cursor, f form, commit knowledge.Commit) []analysis.SuggestedFix {
	var fix *analysis.SuggestedFix
	switch {
	case f == deferred:
		fix = c.deferFix(stmt, commit)
	case (f == statement || f == blank) && !paths.Deferred(stmt):
		fix = c.checkFix(stmt, commit)
	}
	if fix == nil {
		return nil
	}
	return []analysis.SuggestedFix{*fix}
}

// checkFix turns `bw.Flush()` or `_ = bw.Flush()` into
// `if err := bw.Flush(); err != nil { return ..., err }`.
func (c *checker) checkFix(stmt inspector.Cursor, commit knowledge.Commit) *analysis.SuggestedFix {
	if as, ok := stmt.Node().(*ast.AssignStmt); ok && (as.Tok != token.ASSIGN || !allBlank(as.Lhs)) {
		return nil // n, _ := conn.Write(p): n is used, rewriting is not mechanical
	}
	sig := c.enclosingSig(stmt)
	if sig == nil || !knowledge.LastIsError(sig) {
		return nil // nothing to return the error in
	}
	zeros, ok := c.zeroValues(stmt, sig)
	if !ok {
		return nil
	}
	call, ok := c.render(commit.Call)
	if !ok {
		return nil
	}
	n := commit.Callee.Type().(*types.Signature).Results().Len()
	lhs := strings.Repeat("_, ", n-1) + "err"
	ind := c.indent(stmt.Node().Pos())
	text := "if " + lhs + " := " + call + "; err != nil {\n" + ind + "\treturn " + strings.Join(append(zeros, "err"), ", ") + "\n" + ind + "}"
	return &analysis.SuggestedFix{
		Message:   "Return the error from " + commit.Callee.Name(),
		TextEdits: []analysis.TextEdit{{Pos: stmt.Node().Pos(), End: stmt.Node().End(), NewText: []byte(text)}},
	}
}

func allBlank(lhs []ast.Expr) bool {
	for _, e := range lhs {
		if id, ok := e.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

// deferFix turns `defer f.Close()` into a deferred closure that keeps
// Close's error in the named error result unless one is already set.
func (c *checker) deferFix(stmt inspector.Cursor, commit knowledge.Commit) *analysis.SuggestedFix {
	if !returnsOnlyError(commit.Callee) || c.mentionsName(commit.Call, "cerr") {
		return nil
	}
	sig := c.enclosingSig(stmt)
	if sig == nil || !knowledge.LastIsError(sig) {
		return nil
	}
	res := sig.Results().At(sig.Results().Len() - 1)
	if res.Name() == "" || res.Name() == "_" {
		return nil // no named result to keep the error in
	}
	if c.reassignedAfter(stmt, commit.Call) {
		return nil // deferring the closure would see later values
	}
	call, ok := c.render(commit.Call)
	if !ok {
		return nil
	}
	ind := c.indent(stmt.Node().Pos())
	err := res.Name()
	text := "defer func() {\n" +
		ind + "\tif cerr := " + call + "; cerr != nil && " + err + " == nil {\n" +
		ind + "\t\t" + err + " = cerr\n" +
		ind + "\t}\n" +
		ind + "}()"
	return &analysis.SuggestedFix{
		Message:   "Keep the error from the deferred " + commit.Callee.Name() + " in " + err,
		TextEdits: []analysis.TextEdit{{Pos: stmt.Node().Pos(), End: stmt.Node().End(), NewText: []byte(text)}},
	}
}

func returnsOnlyError(fn *types.Func) bool {
	res := fn.Type().(*types.Signature).Results()
	return res.Len() == 1 && knowledge.IsError(res.At(0).Type())
}

// mentionsName reports whether n uses an identifier spelled name.
func (c *checker) mentionsName(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// reassignedAfter reports whether a variable used in call is assigned
// after stmt in the enclosing function: a defer evaluates its receiver
// and arguments at once, a deferred closure only when it runs.
func (c *checker) reassignedAfter(stmt inspector.Cursor, call *ast.CallExpr) bool {
	used := make(map[types.Object]bool)
	ast.Inspect(call, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
				used[v] = true
			}
		}
		return true
	})
	outer, ok := outermost(stmt)
	if !ok {
		return true
	}
	for cur := range outer.Preorder((*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil)) {
		if cur.Node().Pos() < stmt.Node().End() {
			continue // before the defer
		}
		if c.assignsAny(cur.Node(), used) {
			return true
		}
	}
	return false
}

func (c *checker) assignsAny(n ast.Node, used map[types.Object]bool) bool {
	var targets []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		targets = n.Lhs
	case *ast.IncDecStmt:
		targets = []ast.Expr{n.X}
	case *ast.UnaryExpr:
		if n.Op != token.AND {
			return false
		}
		targets = []ast.Expr{n.X} // its address escapes
	}
	for _, t := range targets {
		if id, ok := ast.Unparen(t).(*ast.Ident); ok && used[c.pass.TypesInfo.ObjectOf(id)] {
			return true
		}
	}
	return false
}

// enclosingSig returns the signature of the innermost function around cur.
func (c *checker) enclosingSig(cur inspector.Cursor) *types.Signature {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var t types.Type
		switch n := fn.Node().(type) {
		case *ast.FuncDecl:
			if obj := c.pass.TypesInfo.Defs[n.Name]; obj != nil {
				t = obj.Type()
			}
		case *ast.FuncLit:
			t = c.pass.TypesInfo.TypeOf(n)
		}
		sig, _ := t.(*types.Signature)
		return sig
	}
	return nil
}

// render prints the call as source.
func (c *checker) render(call *ast.CallExpr) (string, bool) {
	var buf bytes.Buffer
	if err := format.Node(&buf, c.pass.Fset, call); err != nil {
		return "", false
	}
	s := buf.String()
	return s, !strings.Contains(s, "\n")
}

var errNoReadFile = errors.New("the driver gives no ReadFile")

// indent returns the indentation of the line holding pos, as gofmt
// writes it (tabs).
func (c *checker) indent(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	src, err := []byte(nil), errNoReadFile
	if c.pass.ReadFile != nil { // some drivers do not provide it
		src, err = c.pass.ReadFile(p.Filename)
	}
	if err != nil || p.Offset > len(src) {
		return strings.Repeat("\t", max(p.Column-1, 0))
	}
	start := p.Offset
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end]) // the line's own indentation, whatever stands before pos
}

// zeroValues returns source for the zero values of all but the last
// result of sig, as written in the file of cur.
func (c *checker) zeroValues(cur inspector.Cursor, sig *types.Signature) ([]string, bool) {
	file := fileOf(cur)
	res := sig.Results()
	zeros := make([]string, 0, res.Len())
	for i := range res.Len() - 1 {
		z, ok := zeroValue(res.At(i).Type(), c.qualifier(file))
		if !ok {
			return nil, false
		}
		zeros = append(zeros, z)
	}
	return zeros, true
}

func fileOf(cur inspector.Cursor) *ast.File {
	for f := range cur.Enclosing((*ast.File)(nil)) {
		return f.Node().(*ast.File)
	}
	return nil
}

// qualifier names packages as the file imports them; ok turns false
// when a type needs a package the file does not import.
type qualifier struct {
	self    *types.Package
	imports map[string]string // path -> name in this file
}

func (c *checker) qualifier(file *ast.File) *qualifier {
	q := &qualifier{self: c.pass.Pkg, imports: make(map[string]string)}
	if file == nil {
		return q
	}
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		if imp.Name != nil {
			q.imports[path] = imp.Name.Name
		} else if pn, ok := c.pass.TypesInfo.Implicits[imp].(*types.PkgName); ok {
			q.imports[path] = pn.Imported().Name()
		}
	}
	return q
}

// zeroValue returns source for the zero value of t.
func zeroValue(t types.Type, q *qualifier) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		}
		return "nil", u.Kind() == types.UnsafePointer
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		if _, isParam := types.Unalias(t).(*types.TypeParam); isParam {
			return typeZero(t, q)
		}
		return "nil", true
	}
	return typeZero(t, q)
}

// typeZero writes T{} for a struct or array type, *new(T) for a type
// parameter.
func typeZero(t types.Type, q *qualifier) (string, bool) {
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == q.self {
			return ""
		}
		name, imported := q.imports[p.Path()]
		if !imported {
			ok = false
		}
		return name
	})
	if !ok || strings.Contains(s, "struct{") && strings.Contains(s, "\n") {
		return "", false
	}
	if _, isParam := types.Unalias(t).(*types.TypeParam); isParam {
		return "*new(" + s + ")", true
	}
	return s + "{}", true
}
