package knowledge

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/refs"
)

// inProcessPipe reports whether t is a pipe carried in memory, like
// io.Pipe and net.Pipe: it has both Read and Write, and its Write waits
// for the reader (a channel send or a sync.Cond wait), calls nothing
// that can fail, and fails only with a package-level error variable
// (closed, timed out). A write to it fails only through the state of the
// pipe itself, once its reader closed it or a deadline set on it passed,
// never because bytes were lost on the way: fasthttputil's pipe conns and
// fasthttp's stream pipe. A queue whose Write returns "full" instead of
// waiting is not a pipe: the reader is still there to miss the bytes.
func (m *methods) inProcessPipe(t types.Type) bool {
	w := m.decl("Write")
	if w == nil || !HasRead(t) || !HasWrite(t) {
		return false
	}
	info := m.p.info
	return waits(info, w.Body) && m.p.failsOnlyWithSentinels(w) && callsNothingFallible(info, w.Body)
}

// waits reports whether body sends on a channel or waits on a
// sync.Cond: a write that waits for its reader.
func waits(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs elsewhere, or later
		case *ast.SendStmt:
			found = true
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && isCondWait(fn) {
				found = true
			}
		}
		return !found
	})
	return found
}

func isCondWait(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Name() != "Wait" || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	n := named(recv.Type())
	return n != nil && n.Obj().Name() == "Cond"
}

// failsOnlyWithSentinels reports whether every return of the Write
// method d gives as its error nil or a package-level variable.
func (p *Package) failsOnlyWithSentinels(d *ast.FuncDecl) bool {
	return p.everyReturn(d, func(s *ast.ReturnStmt) bool {
		return len(s.Results) == 2 && sentinel(p.info, s.Results[1])
	})
}

// sentinel reports whether e is nil or names a package-level variable
// (ErrClosed, fasthttputil.ErrConnectionClosed).
func sentinel(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if info.Types[e].IsNil() {
		return true
	}
	id := refs.Leaf(e)
	return id != nil && refs.PackageVar(info.ObjectOf(id))
}

// callsNothingFallible reports whether body, function literals
// included, calls nothing that returns an error: it does no I/O.
func callsNothingFallible(info *types.Info, body ast.Node) bool {
	return everyCall(body, func(call *ast.CallExpr) bool {
		sig, isSig := info.TypeOf(call.Fun).(*types.Signature)
		return !isSig || !returnsError(sig)
	})
}

func returnsError(sig *types.Signature) bool {
	res := sig.Results()
	for i := range res.Len() {
		if IsError(res.At(i).Type()) {
			return true
		}
	}
	return false
}
