package suite_test

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"testing"
)

// FuzzStatements runs the suite, as FuzzSuite does, on a seed of the
// analyzers' testdata whose statements the fuzzer rearranges: ops, two
// bytes each, delete, repeat, swap or move a statement of some block, or
// wrap it in an if, a loop, a closure, a deferred closure or a goroutine.
// Unlike byte mutations, most of these leave a file that type-checks,
// and so reach the analyzers' flow analyses.
func FuzzStatements(f *testing.F) {
	guardSuite()
	seeds := fuzzSeeds(f)
	for i := range seeds {
		f.Add(uint16(i), []byte{})
		f.Add(uint16(i), []byte{0x0b, 1, 0x13, 2, 0x1d, 3, 0x26, 4, 0x2f, 5})
	}
	fz := newFuzzer(f, seeds)
	f.Fuzz(func(t *testing.T, pick uint16, ops []byte) {
		src := mutateStatements(seeds[int(pick)%len(seeds)], ops)
		if src == nil {
			return // the seed does not parse
		}
		fz.check(t, src)
	})
}

// maxOps bounds the rewrites of one input: a thousand of them nest a
// statement a thousand closures deep, which spends the fuzzer's time in
// go/printer and the loader (5 s for one such input, in which the
// analyzers took a few percent) and starves its workers.
const maxOps = 64

// mutateStatements applies ops to the statement lists of src and
// returns the file printed again (without its comments, which would
// not follow the statements they were attached to).
func mutateStatements(src, ops []byte) []byte {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "seed.go", src, 0)
	if err != nil {
		return nil
	}
	var blocks []*ast.BlockStmt
	ast.Inspect(file, func(n ast.Node) bool {
		if b, ok := n.(*ast.BlockStmt); ok {
			blocks = append(blocks, b)
		}
		return true
	})
	for k := 0; k+1 < len(ops) && k < 2*maxOps && len(blocks) > 0; k += 2 {
		op, at := ops[k], int(ops[k+1])
		b := blocks[at%len(blocks)]
		if len(b.List) == 0 {
			continue
		}
		i := int(op>>3) % len(b.List)
		b.List = mutate(b.List, i, op&7)
	}
	var out bytes.Buffer
	if err := format.Node(&out, token.NewFileSet(), file); err != nil {
		return nil
	}
	return out.Bytes()
}

// mutate applies one operation to statement i of list.
func mutate(list []ast.Stmt, i int, op byte) []ast.Stmt {
	s := list[i]
	body := func() *ast.BlockStmt { return &ast.BlockStmt{List: []ast.Stmt{s}} }
	closure := func() *ast.CallExpr {
		return &ast.CallExpr{Fun: &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: body()}}
	}
	switch op {
	case 0: // delete
		return append(list[:i:i], list[i+1:]...)
	case 1: // repeat
		return append(list[:i+1:i+1], list[i:]...)
	case 2: // swap with the next
		if i+1 < len(list) {
			list[i], list[i+1] = list[i+1], list[i]
		}
	case 3: // move to the end
		return append(append(list[:i:i], list[i+1:]...), s)
	case 4:
		list[i] = &ast.IfStmt{Cond: ast.NewIdent("true"), Body: body()}
	case 5:
		list[i] = &ast.RangeStmt{Tok: token.ILLEGAL, X: &ast.BasicLit{Kind: token.INT, Value: "1"}, Body: body()}
	case 6:
		list[i] = &ast.ExprStmt{X: closure()}
	case 7:
		list[i] = &ast.DeferStmt{Call: closure()}
	}
	return list
}
