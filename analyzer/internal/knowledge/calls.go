package knowledge

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Commit is a call that commits bytes to a writer.
type Commit struct {
	Call   *ast.CallExpr
	Callee *types.Func
	Op     Op
	Target ast.Expr // the writer committed to; nil for facts on functions
	Source ast.Expr // the stream copied from, for OpCopy
	Stake  string   // for OpFact: what the fact says is at stake
	// Via marks a method of a value built over a destination
	// (json.NewEncoder(f).Encode): the write goes to what Target wraps.
	Via bool
}

// CommitOf recognizes a data-committing call: a writer method from
// methodOps, a function from calls, or a function known by a fact.
func (p *Package) CommitOf(call *ast.CallExpr) (Commit, bool) {
	fn, _ := typeutil.Callee(p.info, call).(*types.Func)
	if fn == nil {
		return Commit{}, false // a builtin, conversion or dynamic call
	}
	c := Commit{Call: call, Callee: fn}
	if !isMethod(fn) {
		return p.funcCommit(c)
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return Commit{}, false // a method expression: T.Flush(w)
	}
	c.Target = sel.X
	if f := p.Fact(fn); f != nil && f.Param >= 0 {
		return factOnArg(c, f)
	} else if f != nil {
		c.Stake = f.Lost // used when the table and structure know nothing
	}
	if mc, ok := methodCommit(c, fn); ok {
		return mc, true
	}
	if c.Stake != "" {
		c.Op = OpFact
		return c, true
	}
	return writeVia(c)
}

// factOnArg makes the commit of a function known to commit the writer
// passed as one of its arguments: the call site judges that writer.
func factOnArg(c Commit, f *Commits) (Commit, bool) {
	if f.Param >= len(c.Call.Args) {
		return Commit{}, false // a variadic call without that argument
	}
	c.Op, c.Stake, c.Target = OpFact, f.Lost, c.Call.Args[f.Param]
	return c, true
}

// writeVia recognizes a call that writes into a destination it is given:
// a function or method taking an io.Writer and returning an error
// (tmpl.Execute(f, data), png.Encode(f, img), resp.Write(conn)), or a
// method of an encoder built over one (json.NewEncoder(f).Encode(v)).
// Whether the destination matters is for Matters to say. Constructors,
// whose error is about their arguments, are not writes.
func writeVia(c Commit) (Commit, bool) {
	sig := c.Callee.Type().(*types.Signature)
	if !LastIsError(sig) || IsWrappingConstructor(c.Callee) || resultIsWriter(sig) {
		return Commit{}, false
	}
	for i, arg := range c.Call.Args {
		if pt := paramAt(sig, i); pt != nil && IsWriterParam(pt) {
			c.Op, c.Target, c.Via = OpWrite, arg, false
			return c, true
		}
	}
	if c.Target != nil && isMethod(c.Callee) {
		c.Op, c.Via = OpWrite, true // the receiver's destination, if it has one
		return c, true
	}
	return Commit{}, false
}

// resultIsWriter reports whether the first result of sig is a writer:
// a constructor or an entry maker (zip's Create), not a write.
func resultIsWriter(sig *types.Signature) bool {
	res := sig.Results()
	return res.Len() > 1 && HasWrite(res.At(0).Type())
}

// paramAt returns the type of parameter i, unrolling a variadic tail.
func paramAt(sig *types.Signature, i int) types.Type {
	params := sig.Params()
	switch {
	case i < params.Len()-1, i < params.Len() && !sig.Variadic():
		return params.At(i).Type()
	case sig.Variadic() && params.Len() > 0:
		if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
			return s.Elem()
		}
	}
	return nil
}

func (p *Package) funcCommit(c Commit) (Commit, bool) {
	fn := c.Callee
	if fn.Pkg() != nil {
		if row := callRow(fn.Pkg().Path(), fn.Name()); row != nil && row.Target < len(c.Call.Args) {
			c.Op, c.Target = row.Op, c.Call.Args[row.Target]
			if row.Source >= 0 && row.Source < len(c.Call.Args) {
				c.Source = c.Call.Args[row.Source]
			}
			return c, true
		}
	}
	if f := p.Fact(fn); f != nil && f.Param >= 0 {
		return factOnArg(c, f)
	}
	return writeVia(c)
}

// methodCommit checks the shape of a writer method: the name alone is
// not enough (a Close that takes arguments is not a writer's Close).
func methodCommit(c Commit, fn *types.Func) (Commit, bool) {
	op, ok := methodOps[fn.Name()]
	if !ok {
		return Commit{}, false
	}
	sig := fn.Type().(*types.Signature)
	switch op {
	case OpFlush:
		if sig.Results().Len() == 0 && sig.Params().Len() == 0 {
			op = OpFlushNoErr // csv.Writer.Flush
		} else if !LastIsError(sig) {
			return Commit{}, false
		}
	case OpCopy:
		if fn.Name() == "WriteTo" {
			if sig.Params().Len() != 1 || len(c.Call.Args) != 1 || !IsWriterParam(sig.Params().At(0).Type()) {
				return Commit{}, false
			}
			c.Target, c.Source = c.Call.Args[0], c.Target // src.WriteTo(dst)
		} else if len(c.Call.Args) == 1 {
			c.Source = c.Call.Args[0] // dst.ReadFrom(src)
		}
	default:
		if !LastIsError(sig) {
			return Commit{}, false
		}
	}
	c.Op = op
	return c, true
}

// Matters reports whether discarding the result of c can lose bytes
// without a trace, given what r knows of its target, and if so what is
// at stake, as a clause for messages: "the gzip footer may not be written".
func (p *Package) Matters(r *Resolver, c Commit) (string, bool) {
	if c.Target == nil {
		return c.Stake, c.Op == OpFact
	}
	if c.Via {
		return viaMatters(r, c)
	}
	v := r.Classify(c.Target)
	if v.Traits&(Infallible|StdStream) != 0 {
		return "", false // it cannot fail, or it is a standard stream
	}
	if v.Traits.Has(Pipe) && c.Op != OpCopy && c.Op != OpFact {
		return "", false // only the reader going away fails it: nobody is left to tell
	}
	stake, ok := judge(r, c, v)
	if !ok && c.Stake != "" && v.Traits&(NilClose|Conn|ReadOnly) == 0 {
		return c.Stake, true // a user Flush or Close that returns a commit's result
	}
	return stake, ok
}

func judge(r *Resolver, c Commit, v Value) (string, bool) {
	switch c.Op {
	case OpWrite:
		return "a short or failed write goes unnoticed", v.Traits.Has(Endpoint) && v.Traits&(Sticky|Response) == 0
	case OpCopy:
		return copyMatters(r, c, v)
	case OpFlush:
		return notWritten(v.Lost, "buffered bytes"), v.Traits&(Buffered|Finalizing) != 0
	case OpFlushNoErr:
		return notWritten(v.Lost, "buffered bytes"), v.Traits.Has(ErrorMethod)
	case OpClose:
		return closeMatters(r, c, v)
	case OpCloseWrite:
		return "the end of the stream may not reach the peer", v.Traits.Has(Conn)
	case OpSync:
		return "written data may not reach stable storage", v.Traits&(Writable|Written) != 0 && v.Traits&ReadOnly == 0
	case OpFact:
		return c.Stake, true
	}
	return "", false
}

// copyMatters: a copy loses data when the destination can fail, or when
// the source can fail mid-stream and the destination cannot tell a short
// stream from a whole one (a chunked HTTP response ends cleanly).
func copyMatters(r *Resolver, c Commit, dst Value) (string, bool) {
	srcFallible := c.Source == nil || !r.Classify(c.Source).Traits.Has(Infallible)
	if dst.Traits.Has(Response) {
		return "the response may end short while the handler reports success", srcFallible
	}
	const stake = "the rest of the stream may be lost unnoticed"
	if dst.Traits.Has(Endpoint) {
		return stake, true
	}
	return stake, srcFallible
}

func closeMatters(r *Resolver, c Commit, v Value) (string, bool) {
	switch {
	case v.Traits&(NilClose|Conn|ReadOnly) != 0:
		return "", false // nothing to commit, or closing reports nothing
	case v.Traits.Has(Finalizing):
		return notWritten(v.Lost, "data held by the writer"), true
	case v.Traits.Has(Endpoint):
		return "data written to the file may not reach the disk", v.Traits&(Writable|Written) != 0
	}
	t := r.info.TypeOf(c.Target)
	if v.Traits.Has(Written) && HasWrite(t) && !HasRead(t) {
		return "data written to it may not be committed", true // an upload-style writer commits on Close
	}
	if v.Traits.Has(Buffered) && !HasRead(t) {
		return notWritten(v.Lost, "buffered bytes"), true // closing a buffered writer flushes it, or loses what it holds; a stream's Close is like a connection's
	}
	return "", false
}

func notWritten(lost, def string) string {
	if lost == "" {
		lost = def
	}
	return lost + " may not be written"
}

// viaMatters judges a method of a value built over a destination: it
// matters when the value is not itself a writer with its own error state
// and what it wraps is an endpoint.
func viaMatters(r *Resolver, c Commit) (string, bool) {
	self := r.Classify(c.Target)
	if self.Traits != 0 || HasWrite(r.info.TypeOf(c.Target)) {
		return "", false // a writer of its own: known, buffered or sticky
	}
	under := r.Underlying(c.Target)
	if under == nil {
		return "", false
	}
	v := r.Classify(under)
	ok := v.Traits.Has(Endpoint) && v.Traits&(Infallible|StdStream|Sticky|Response) == 0
	return "a short or failed write goes unnoticed", ok
}
