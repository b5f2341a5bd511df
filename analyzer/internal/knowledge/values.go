package knowledge

import (
	"go/ast"
	"go/constant"
	"go/types"
	"sync"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Value is what is known of one writer expression in a function.
type Value struct {
	Traits Trait
	Lost   string // what is lost if it is not finished, for messages
}

// inherited are the traits a wrapper takes from the writer it wraps:
// a bufio.Writer over a bytes.Buffer cannot fail either, one over a pipe
// fails only when the pipe does.
const inherited = Infallible | StdStream | Pipe

// Written marks a value the function (or, for a struct field, the
// package) writes to. It is kept apart from the table's traits because
// it is learned from use, not from type.
const Written Trait = 1 << 15

// Resolver classifies writer expressions of one function by their type
// and by where their values come from: the constructor or opener that
// made them, followed through local assignments.
type Resolver struct {
	info    *types.Info
	pkg     *Package
	assigns map[*types.Var][]ast.Expr      // values assigned to each local; nil: unknown
	lastOf  map[*types.Var][]ast.Expr      // calls whose last result (their error) a local is assigned: _, err = w.Write(p)
	written map[*types.Var]bool            // locals written to in the function
	resets  map[*types.Var][]*ast.CallExpr // v.Reset(w) calls switching a local table writer's destination
	types   []*ast.TypeSwitchStmt          // the type switches of the function, for narrowed
	body    ast.Node                       // the function (or body) indexed
	fnOnce  sync.Once                      // Resolvers are shared: cursor finds fn once
	fn      inspector.Cursor               // its cursor, once cursor has found it
	hasFn   bool
}

// newResolver indexes the assignments and writes of body.
func newResolver(info *types.Info, pkg *Package, body ast.Node) *Resolver {
	r := &Resolver{
		info:    info,
		pkg:     pkg,
		assigns: make(map[*types.Var][]ast.Expr),
		written: make(map[*types.Var]bool),
	}
	r.body = body
	if i, ok := pkg.files.FuncIndex(body); ok {
		for _, n := range pkg.files.Within(i) {
			r.index(n.N)
		}
		return r
	}
	ast.Inspect(body, func(n ast.Node) bool {
		r.index(n)
		return true
	})
	return r
}

// cursor returns the cursor of the function, found on first use: most
// Resolvers never need one, and finding it indexes the function's file.
func (r *Resolver) cursor() (inspector.Cursor, bool) {
	r.fnOnce.Do(func() {
		switch r.body.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			r.fn, r.hasFn = r.pkg.files.Cursor(r.body)
		}
	})
	return r.fn, r.hasFn
}

// index notes the assignments and writes of one node.
func (r *Resolver) index(n ast.Node) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		r.indexAssign(n.Lhs, n.Rhs)
	case *ast.ValueSpec:
		if len(n.Values) == 0 {
			return // var bw *bufio.Writer: the zero value writes nowhere
		}
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		r.indexAssign(lhs, n.Values)
	case *ast.RangeStmt:
		r.indexAssign([]ast.Expr{n.Key, n.Value}, nil)
	case *ast.TypeSwitchStmt:
		r.types = append(r.types, n)
	case *ast.CallExpr:
		r.noteReset(n)
		if !mentions(n, isIdent) {
			return // no receiver or argument names a variable: decided without types
		}
		forEachWritten(r.info, n, func(e ast.Expr) {
			if v := localVar(r.info, e); v != nil {
				r.written[v] = true
			}
		})
	}
}

func (r *Resolver) indexAssign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		v := localVar(r.info, l)
		if v == nil {
			continue // not a local variable
		}
		var src ast.Expr
		switch {
		case len(rhs) == len(lhs):
			src = rhs[i]
		case len(rhs) == 1 && i == 0:
			src = rhs[0] // f, err := os.Create(...): the first result
		case len(rhs) == 1 && r.rowResult(rhs[0], i):
			src = rhs[0] // r, w, err := os.Pipe(): the row says what w is too
		}
		r.assigns[v] = append(r.assigns[v], src)
		if len(rhs) == 1 && len(lhs) > 1 && i == len(lhs)-1 {
			if r.lastOf == nil {
				r.lastOf = make(map[*types.Var][]ast.Expr) // made on first use: most functions need none
			}
			r.lastOf[v] = append(r.lastOf[v], rhs[0])
		}
	}
}

// rowResult reports whether result i of the call e is what a table
// row says of the call: the call is a row's function and the result has
// the type of its first (os.Pipe's two ends).
func (r *Resolver) rowResult(e ast.Expr, i int) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	res, ok := r.info.TypeOf(call).(*types.Tuple)
	if !ok || i >= res.Len() || !types.Identical(res.At(i).Type(), res.At(0).Type()) {
		return false // another kind of result: n, err := w.Write(p)
	}
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	return FuncRow(fn) != nil
}

// localVar returns the variable e names if it is a local variable
// (or parameter), not a package-level one or a field.
func localVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// Classify returns what is known of the writer e.
func (r *Resolver) Classify(e ast.Expr) Value {
	return r.classify(e, 0)
}

// maxDepth bounds the walk through assignments (w = x; x = y; ...).
const maxDepth = 6

func (r *Resolver) classify(e ast.Expr, depth int) Value {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op.String() == "&" {
		e = ast.Unparen(u.X) // &buf: the buffer itself
	}
	var v Value
	t := r.info.TypeOf(e)
	var s staticInfo // nothing, for an expression without a type
	if t != nil {
		s = r.pkg.staticInfo(t)
	}
	v.Traits, v.Lost = s.traits, s.lost
	if depth > maxDepth {
		return r.pkg.adjust(v, t, s)
	}
	switch e := e.(type) {
	case *ast.Ident:
		v = r.classifyIdent(e, v, depth)
	case *ast.SelectorExpr:
		v = r.classifySelector(e, v, depth)
	case *ast.CallExpr:
		v = merge(v, r.classifyCall(e, depth))
	}
	return r.pkg.adjust(v, t, s) // what the type's method bodies say outweighs its shape
}

func (r *Resolver) classifyIdent(id *ast.Ident, v Value, depth int) Value {
	obj, ok := r.info.ObjectOf(id).(*types.Var)
	if !ok {
		return v
	}
	if row := VarRow(obj); row != nil {
		v.Traits |= row.Traits
		return v
	}
	lv := localVar(r.info, id)
	if lv == nil {
		return v // package-level variable of no known kind
	}
	if r.written[lv] {
		v.Traits |= Written
	}
	v = merge(v, r.classifyOrigins(r.assigns[lv], depth))
	if len(r.assigns[lv]) == 0 {
		v.Traits |= r.narrowed(lv, id) // never assigned here: a type switch on it tells its type
	}
	if dest := r.resetBefore(lv, id); dest != nil {
		d := r.classify(dest, depth+1) // bw.Reset(&hook) before: bw now writes to the hook alone
		v.Traits = v.Traits&^inherited | d.Traits&inherited
	} else {
		v.Traits |= r.everyDest(lv, depth) // pooled, then reset: every destination it may have
	}
	return v
}

// classifyOrigins combines what every value assigned to a variable says:
// a trait inherited from the destination holds only if it holds for all
// of them, the others if they hold for any.
func (r *Resolver) classifyOrigins(srcs []ast.Expr, depth int) Value {
	var v Value
	all := inherited | ReadOnly
	for _, src := range srcs {
		if src == nil {
			all = 0 // an unknown value: nothing holds for all
			continue
		}
		o := r.classify(src, depth+1)
		all &= o.Traits
		v.Traits |= o.Traits &^ (inherited | ReadOnly)
		if v.Lost == "" {
			v.Lost = o.Lost
		}
	}
	if len(srcs) == 0 {
		all = 0 // a parameter or a variable assigned elsewhere
	}
	v.Traits |= all
	return v
}

func (r *Resolver) classifySelector(sel *ast.SelectorExpr, v Value, depth int) Value {
	obj, ok := r.info.ObjectOf(sel.Sel).(*types.Var)
	if !ok {
		return v
	}
	if row := VarRow(obj); row != nil {
		v.Traits |= row.Traits // os.Stdout, io.Discard
		return v
	}
	if !obj.IsField() || r.pkg == nil {
		return v
	}
	if r.pkg.fieldWritten[obj.Origin()] {
		v.Traits |= Written
	}
	if depth < fieldHop {
		v.Traits |= r.pkg.fieldTraits(obj)     // what every value stored in it says
		v.Traits |= r.pkg.pathTraits(sel, obj) // or every value stored in the struct holding it
	}
	return v
}

// classifyCall classifies the value returned by a constructor or opener.
func (r *Resolver) classifyCall(call *ast.CallExpr, depth int) Value {
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil {
		return Value{}
	}
	var v Value
	if row := FuncRow(fn); row != nil {
		v.Traits, v.Lost = row.Traits, row.Lost
		if fn.Pkg().Path() == "os" && fn.Name() == "OpenFile" && len(call.Args) > 1 {
			v.Traits |= r.openFlags(fn.Pkg(), call.Args[1])
		}
	} else if IsWrappingConstructor(fn) && TypeRow(firstResult(fn)) == nil {
		v.Traits, v.Lost = Buffered|Finalizing, "data held by the writer" // structure: no row says more
	} else if r.pkg != nil {
		v.Traits |= r.pkg.resultTraits(fn) // a net.Conn that is always an in-memory pipe
	}
	if i := WriterParam(fn); i >= 0 && i < len(call.Args) {
		under := r.classify(call.Args[i], depth+1)
		v.Traits |= under.Traits & inherited // a wrapper fails only if its destination can
	}
	return v
}

// openFlags tells whether os.OpenFile's flag argument opens for writing,
// with the values of os's O_ constants for the platform being analyzed.
func (r *Resolver) openFlags(os *types.Package, flag ast.Expr) Trait {
	tv, ok := r.info.Types[flag]
	if !ok || tv.Value == nil {
		return 0 // not a constant: mode unknown
	}
	bits, ok := constant.Int64Val(constant.ToInt(tv.Value))
	if !ok {
		return 0
	}
	for _, name := range [...]string{"O_WRONLY", "O_RDWR", "O_CREATE", "O_TRUNC", "O_APPEND"} {
		c, ok := os.Scope().Lookup(name).(*types.Const)
		if !ok {
			return 0 // an os package without the constant: mode unknown
		}
		if b, ok := constant.Int64Val(constant.ToInt(c.Val())); ok && bits&b != 0 {
			return Writable
		}
	}
	return ReadOnly
}

func merge(a, b Value) Value {
	a.Traits |= b.Traits
	if a.Lost == "" {
		a.Lost = b.Lost
	}
	return a
}

// mentions reports whether the receiver of call (if it selects a
// method or field) or one of its arguments, unparenthesized, satisfies
// is: cheap syntax that rules a call out before forEachWritten looks at
// types, since it only ever passes those expressions on.
func mentions(call *ast.CallExpr, is func(ast.Expr) bool) bool {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && is(ast.Unparen(sel.X)) {
		return true
	}
	for _, arg := range call.Args {
		if is(ast.Unparen(arg)) {
			return true
		}
	}
	return false
}

func isIdent(e ast.Expr) bool {
	_, ok := e.(*ast.Ident)
	return ok
}

func isSelector(e ast.Expr) bool {
	_, ok := e.(*ast.SelectorExpr)
	return ok
}

// forEachWritten calls f with each expression that call writes to: the
// receiver of a writing method, and each argument passed for a parameter
// of writer interface type (io.Copy's dst, fmt.Fprintf's w, the
// destination given to bufio.NewWriter).
func forEachWritten(info *types.Info, call *ast.CallExpr, f func(ast.Expr)) {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		switch methodOps[sel.Sel.Name] {
		case OpWrite, OpSync:
			if _, isMethod := info.Selections[sel]; isMethod {
				f(sel.X)
			}
		case OpCopy:
			if sel.Sel.Name == "ReadFrom" {
				if _, isMethod := info.Selections[sel]; isMethod {
					f(sel.X)
				}
			}
		}
	}
	if len(call.Args) == 0 {
		return // no argument to write to: the type lookup below is not needed
	}
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return // a conversion or a builtin
	}
	params := sig.Params()
	for i, arg := range call.Args {
		if i >= params.Len() {
			break // variadic tail: fmt's ...any never writes
		}
		t := params.At(i).Type()
		if types.IsInterface(t) && HasWrite(t) {
			f(arg)
		}
	}
}

// Assigned reports whether the function assigns v, as opposed to v being
// a parameter or a variable only declared.
func (r *Resolver) Assigned(v *types.Var) bool {
	for _, src := range r.assigns[v] {
		if src != nil {
			return true
		}
	}
	return false
}

// Underlying returns the destination that the writer e wraps: the writer
// argument of the constructor call that made it (conn in
// bw := bufio.NewWriter(conn)), directly or through the one assignment
// of a local variable. It returns nil when that is not known.
func (r *Resolver) Underlying(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if localVar(r.info, e) != nil {
		if e = r.Origin(e); e == nil {
			return nil // assigned more than once, or a parameter
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	if i := WriterParam(fn); i >= 0 && i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}

// ForEachWritten calls f with each expression that call writes to: the
// receiver of a writing method, and each argument passed for a parameter
// of writer interface type.
func ForEachWritten(info *types.Info, call *ast.CallExpr, f func(ast.Expr)) {
	forEachWritten(info, call, f)
}
