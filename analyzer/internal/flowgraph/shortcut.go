package flowgraph

import (
	"go/ast"
	"go/token"
	"go/types"
)

// fallsOff reports whether a declared function surely returns, read from
// the package's index without a graph: nothing in it can stop a path (a
// call that never returns, a loop without condition, an empty select, a
// goto that may loop back), so every path ends at a return or at the end
// of the body. A false answer means "build the graph", not "never
// returns". Function literals inside are other functions. The caller
// holds mu or owns g.
func (g *Graphs) fallsOff(fd *ast.FuncDecl) bool {
	i, ok := g.files.FuncIndex(fd)
	if !ok {
		return false // not indexed: ask the graph
	}
	for n := range g.files.Own(i) {
		if g.diverges(n.N) {
			return false
		}
	}
	return true
}

// diverges reports whether n may stop the paths through it.
func (g *Graphs) diverges(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		return !g.mayReturn(n)
	case *ast.ForStmt:
		return n.Cond == nil
	case *ast.SelectStmt:
		return len(n.Body.List) == 0
	case *ast.BranchStmt:
		return n.Tok == token.GOTO
	}
	return false
}

// intrinsic reports the functions whose return cannot be read from a
// body: the exits of the runtime and syscall (no Go body, or a body the
// compiler treats specially), the fatal methods of popular loggers that
// end the process through paths the graph does not follow, and two
// compiler intrinsics whose bodies never return but whose calls do. The
// lists are the ones ctrlflow and staticcheck (go/ir/exits.go) keep.
func intrinsic(fn *types.Func) (noReturn, known bool) {
	if fn.Pkg() == nil {
		return false, false
	}
	names, ok := intrinsics[fn.Pkg().Path()]
	if !ok {
		return false, false
	}
	key := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		key = typeName(recv.Type()) + "." + key
	}
	noReturn, known = names[key]
	return noReturn, known
}

// typeName is the name of a receiver's named type, pointer or not.
func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// intrinsics lists, by package path, the functions ("F") and methods
// ("T.M") whose bodies do not tell: true never returns, false returns.
var intrinsics = map[string]map[string]bool{
	"internal/abi": {"EscapeNonString": false},
	"hash/maphash": {"Comparable": false},
	"syscall":      set("Exit", "ExitProcess", "ExitThread"),
	"runtime":      set("Goexit", "fatalthrow", "fatalpanic", "exit"),
	"go.uber.org/zap": set("Logger.Fatal", "Logger.Panic",
		"SugaredLogger.Fatal", "SugaredLogger.Fatalw", "SugaredLogger.Fatalf",
		"SugaredLogger.Panic", "SugaredLogger.Panicw", "SugaredLogger.Panicf"),
	"github.com/sirupsen/logrus": set("Logger.Exit", "Logger.Panic", "Logger.Panicf", "Logger.Panicln",
		"Entry.Panicf", "Entry.Panicln"),
	"k8s.io/klog":    set("Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln"),
	"k8s.io/klog/v2": set("Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln"),
}

// set maps each name to true: never returns.
func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
