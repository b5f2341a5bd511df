package closeorder

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
	"github.com/flushcheck/flushcheck/analyzer/internal/syntax"
)

// ref names a writer, a destination or a connection: a local variable
// (or parameter), or a path of fields from one (c.conn).
type ref struct {
	root *types.Var
	path string
}

// tracked is what the model knows of one ref.
type tracked struct {
	ref  ref
	expr ast.Expr // an expression naming it, for messages
	name string   // its source text

	// Writers stacked on a destination (or handed to a pool).
	wrapper    bool
	finalizing bool
	lost       string
	created    ast.Node // the constructor call (or Hijack call) that made it
	createStmt ast.Node // the assignment holding created
	createDest int      // the destination at creation, or -1
	dests      []int    // every destination it may write to
	pairDest   int      // a field writer: the field it is made over (knowledge.FieldPairs), or -1
	hasFinish  bool     // some Close or Flush of it in the function
	hasClose   bool     // some Close of it in the function
	written    bool     // the function writes to it somewhere

	isDest  bool // some wrapper writes to it
	buffer  bool // a bytes.Buffer or strings.Builder
	lingers bool // SetLinger(0) is called on it
}

// model is what one outermost function (with its literals) tracks.
type model struct {
	r     *knowledge.Resolver
	fn    inspector.Cursor
	refs  []*tracked
	ids   map[ref]int
	vars  map[*types.Var]int // tracked plain variables and their aliases
	mvals map[*ast.SelectorExpr]bool

	sites   []site // the calls findings point at, shared by the units
	siteIdx map[siteKey]int

	litEntry map[*ast.FuncLit]state // where each literal's analysis starts
}

func (m *model) get(r ref) (int, bool) {
	id, ok := m.ids[r]
	return id, ok
}

func (m *model) add(r ref, e ast.Expr, text string) *tracked {
	if id, ok := m.ids[r]; ok {
		return m.refs[id]
	}
	// Messages name the ref itself: conn, not conn.(*net.TCPConn) or
	// &buf; its type is that of the expression without the assertion.
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.TypeAssertExpr:
			e = x.X
			continue
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				e = x.X
				continue
			}
		}
		break
	}
	if name := r.root.Name() + r.path; text != name && r.root.Name() != "_" {
		text = name
	}
	t := &tracked{ref: r, expr: ast.Unparen(e), name: text, createDest: -1, pairDest: -1}
	m.ids[r] = len(m.refs)
	m.refs = append(m.refs, t)
	return t
}

// assignment is one value assigned to a local variable.
type assignment struct {
	stmt ast.Node // *ast.AssignStmt or *ast.ValueSpec
	lhs  *ast.Ident
	rhs  ast.Expr // nil: one of several results
}

// buildModel finds the writers of the function fn, whose nodes are nodes
// and calls calls, that are stacked on a destination, pooled or reset, the buffers
// under them and the connections set to linger 0. It returns nil when no
// rule can apply. The caller sets the model's cursor.
func (c *checker) buildModel(fn ast.Node, nodes []syntax.Node, calls []*ast.CallExpr) *model {
	assigns, hijacks := c.collectAssigns(nodes)
	fields := c.fieldCandidates(calls)
	m := &model{
		r:     c.pkg.Resolver(fn),
		ids:   make(map[ref]int),
		vars:  make(map[*types.Var]int),
		mvals: make(map[*ast.SelectorExpr]bool),
	}
	c.findWrappers(m, assigns, hijacks, calls)
	c.findFieldWrappers(m, fields)
	if !c.findTriggers(m, calls) {
		return nil
	}
	c.linkAliases(m, assigns)
	return m
}

// collectAssigns returns the values a function (its nodes) assigns to
// local variables, and the assignments of a Hijack's results.
func (c *checker) collectAssigns(nodes []syntax.Node) (assigns []assignment, hijacks []*ast.AssignStmt) {
	for _, node := range nodes {
		switch n := node.N.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					continue
				}
				a := assignment{stmt: n, lhs: id}
				if len(n.Rhs) == len(n.Lhs) {
					a.rhs = n.Rhs[i]
				} else if i == 0 && len(n.Rhs) == 1 {
					a.rhs = n.Rhs[0]
				}
				assigns = append(assigns, a)
			}
			if len(n.Rhs) == 1 && len(n.Lhs) >= 2 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && c.isHijack(call) {
					hijacks = append(hijacks, n)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				a := assignment{stmt: n, lhs: id}
				if len(n.Values) == len(n.Names) {
					a.rhs = n.Values[i]
				}
				assigns = append(assigns, a)
			}
		}
	}
	return assigns, hijacks
}

// linkAliases records the names the tracked refs go by: method values
// held in locals (stop := conn.Close), and locals that are a tracked
// variable under a type assertion (tc := conn.(*net.TCPConn)).
func (c *checker) linkAliases(m *model, assigns []assignment) {
	for _, a := range assigns {
		if sel, ok := ast.Unparen(a.rhs).(*ast.SelectorExpr); ok && m.r.Origin(a.lhs) == a.rhs && c.isMethodValue(sel) {
			m.mvals[sel] = true // stop := conn.Close: calls of stop are calls of conn.Close
		}
	}
	for id, t := range m.refs {
		if t.ref.path == "" {
			m.vars[t.ref.root] = id
		}
	}
	for _, a := range assigns {
		v := localVar(c.info, a.lhs)
		if v == nil {
			continue
		}
		if r, ok := c.refOf(m, a.lhs); ok && r.root != v {
			if id, ok := m.get(r); ok && r.path == "" {
				m.vars[v] = id // tc := conn.(*net.TCPConn): tc is conn
			}
		}
	}
}

// triggerNames are the methods the rules are about: closing a
// destination, pooling or resetting a writer, reading a buffer, lingering.
var triggerNames = map[string]bool{
	"Close": true, "CloseWrite": true, "Put": true, "Reset": true,
	"SetLinger": true, "Bytes": true, "String": true, "WriteTo": true,
	"Read": true, "Next": true, "Flush": true,
}

// triggerRecv rules out, by the receiver's type, the common names that
// matter only on a few types: String and Bytes of bytes.Buffer and
// strings.Builder, Put of sync.Pool.
func (c *checker) triggerRecv(f *ast.SelectorExpr) bool {
	switch f.Sel.Name {
	case "String", "Bytes", "WriteTo", "Read", "Next":
		t := c.info.TypeOf(f.X)
		return t != nil && (isNamed(t, "bytes", "Buffer") || isNamed(t, "strings", "Builder"))
	case "Put":
		s := c.info.Selections[f]
		if s == nil {
			return false
		}
		fn, _ := s.Obj().(*types.Func)
		return isPoolPut(fn)
	}
	return true
}

// mayTrigger reports, mostly from names, whether some call could be one a
// rule is about: a method of triggerNames, or a function of the package
// that closes or flushes a parameter.
func (c *checker) mayTrigger(calls []*ast.CallExpr) bool {
	for _, call := range calls {
		switch f := ast.Unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			if triggerNames[f.Sel.Name] && c.triggerRecv(f) {
				return true
			}
		case *ast.Ident:
			if len(call.Args) == 0 {
				// stop := conn.Close; stop(): a method value held in a local.
				if _, ok := c.info.Uses[f].(*types.Var); ok {
					return true
				}
				continue
			}
		}
		if len(call.Args) > 0 {
			if fn, ok := typeutil.Callee(c.info, call).(*types.Func); ok && c.finishesAnyParam(fn) {
				return true
			}
			if len(c.readerArgs(call)) > 0 {
				return true
			}
		}
	}
	return false
}

// mayWrap reports whether some call could give the function a writer
// over a destination it knows: a function taking a writer (a
// constructor), Reset, Hijack, a pool's Put, SetLinger, or a method of a
// field (a writer field paired with another).
func (c *checker) mayWrap(calls []*ast.CallExpr) bool {
	for _, call := range calls {
		if f, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			switch f.Sel.Name {
			case "Reset", "Hijack", "Put", "SetLinger":
				return true
			}
			if x, ok := ast.Unparen(f.X).(*ast.SelectorExpr); ok && c.isField(x) {
				return true
			}
		}
		if fn, ok := typeutil.Callee(c.info, call).(*types.Func); ok && knowledge.WriterParam(fn) >= 0 {
			return true
		}
	}
	return false
}

// findWrappers records the writers that wrap a destination: built by a
// constructor taking it, Reset to it, or returned with it by Hijack; and
// the writers handed to a sync.Pool.
func (c *checker) findWrappers(m *model, assigns []assignment, hijacks []*ast.AssignStmt, calls []*ast.CallExpr) {
	for _, a := range assigns {
		c.findCreated(m, a)
	}
	for _, as := range hijacks {
		c.findHijacked(m, as)
	}
	for _, call := range calls {
		c.findAimed(m, call)
	}
	for _, call := range calls {
		mc, ok := c.methodCall(m, call)
		if !ok || !isFinishName(mc.name) {
			continue
		}
		if r, ok := c.refOf(m, mc.recv); ok {
			if id, ok := m.get(r); ok {
				m.refs[id].hasFinish = true
				m.refs[id].hasClose = m.refs[id].hasClose || mc.name == "Close"
			}
		}
	}
}

// findCreated records the writer a constructor over a destination
// assigns to a local: bw := bufio.NewWriter(conn).
func (c *checker) findCreated(m *model, a assignment) {
	if a.rhs == nil || localVar(c.info, a.lhs) == nil {
		return
	}
	under := m.r.Underlying(a.lhs)
	if under == nil || isNil(under) || !c.needsFinish(m, a.lhs) || c.mayReturnArg(a.rhs, under) {
		return
	}
	dr, ok := c.refOf(m, under)
	if !ok {
		return // a global or an expression: not followed
	}
	w := c.addWrapper(m, a.lhs)
	d := m.add(dr, under, c.text(under))
	d.isDest = true
	w.created, w.createStmt = ast.Unparen(a.rhs), a.stmt
	w.createDest = m.ids[dr]
	w.dests = appendUnique(w.dests, m.ids[dr])
}

// findHijacked records the bufio.ReadWriter Hijack returns over the
// connection it returns with it.
func (c *checker) findHijacked(m *model, as *ast.AssignStmt) {
	conn, brw := as.Lhs[0], as.Lhs[1]
	if localVar(c.info, conn) == nil || localVar(c.info, brw) == nil {
		return
	}
	cr, ok := c.refOf(m, conn)
	if !ok {
		return
	}
	w := c.addWrapper(m, brw)
	d := m.add(cr, conn, c.text(conn))
	d.isDest = true
	w.created, w.createStmt = as.Rhs[0], as
	w.createDest = m.ids[cr]
	w.dests = appendUnique(w.dests, m.ids[cr])
}

// findAimed records a writer Reset to a destination, and a writer handed
// to a sync.Pool: a local, or a field the function names (c.bw).
func (c *checker) findAimed(m *model, call *ast.CallExpr) {
	mc, ok := c.methodCall(m, call)
	if !ok {
		return
	}
	switch {
	case mc.name == "Reset" && len(call.Args) == 1 && c.takesWriter(mc.fn):
		if !c.trackable(m, mc.recv) || !c.needsFinish(m, mc.recv) {
			return
		}
		if o := m.r.Origin(mc.recv); o != nil && c.mayReturnArg(o, firstArg(o)) {
			return // w2 := bufio.NewWriter(w) may be w itself
		}
		w := c.addWrapper(m, mc.recv)
		if isNil(call.Args[0]) {
			return
		}
		if dr, ok := c.refOf(m, call.Args[0]); ok {
			d := m.add(dr, call.Args[0], c.text(call.Args[0]))
			d.isDest = true
			w.dests = appendUnique(w.dests, m.ids[dr])
		}
	case isPoolPut(mc.fn) && len(call.Args) == 1:
		arg := ast.Unparen(call.Args[0])
		if c.trackable(m, arg) && c.needsFinish(m, arg) {
			c.addWrapper(m, arg)
		}
	}
}

// trackable reports whether e is a local variable or a field path from
// one (c.bw), not an expression or a global.
func (c *checker) trackable(m *model, e ast.Expr) bool {
	if _, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		_, ok := c.refOf(m, e)
		return ok
	}
	return c.plainLocal(e)
}

// mayReturnArg reports whether the constructor call may return its
// argument itself: bufio.NewWriter(w) returns w when w is already a
// *bufio.Writer large enough, so the two are one writer.
func (c *checker) mayReturnArg(ctor, arg ast.Expr) bool {
	call, ok := ast.Unparen(ctor).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "bufio" {
		return false
	}
	if arg == nil {
		return false
	}
	t := c.info.TypeOf(arg)
	return t != nil && (isNamed(t, "bufio", "Writer") || isNamed(t, "bufio", "ReadWriter"))
}

func firstArg(e ast.Expr) ast.Expr {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) > 0 {
		return call.Args[0]
	}
	return nil
}

// fieldCandidates returns the field selectors the calls use as a
// receiver or argument that belong to a knowledge.FieldPairs pair. The
// pairs are looked up only when some field is closed: no rule applies to
// field writers otherwise.
func (c *checker) fieldCandidates(calls []*ast.CallExpr) []*ast.SelectorExpr {
	var sels []*ast.SelectorExpr
	closed := false
	for _, call := range calls {
		f, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if x, ok := ast.Unparen(f.X).(*ast.SelectorExpr); ok && c.isField(x) {
			sels = append(sels, x)
			closed = closed || f.Sel.Name == "Close" || f.Sel.Name == "CloseWrite"
		}
		for _, a := range call.Args {
			if x, ok := ast.Unparen(a).(*ast.SelectorExpr); ok && c.isField(x) {
				sels = append(sels, x)
				closed = true // closeQuietly(c.conn), perhaps
			}
		}
	}
	if !closed {
		return nil
	}
	kept := sels[:0]
	for _, sel := range sels {
		if c.pairField(sel) {
			kept = append(kept, sel)
		}
	}
	return kept
}

func (c *checker) isField(sel *ast.SelectorExpr) bool {
	s := c.info.Selections[sel]
	return s != nil && s.Kind() == types.FieldVal
}

// pairField reports whether sel selects a field of a knowledge.FieldPairs
// pair, as writer or destination.
func (c *checker) pairField(sel *ast.SelectorExpr) bool {
	v, ok := c.info.ObjectOf(sel.Sel).(*types.Var)
	if !ok || !v.IsField() {
		return false
	}
	if c.pairDests == nil {
		c.pairDests = make(map[*types.Var]bool)
		for _, p := range c.pkg.FieldPairs() {
			c.pairDests[p.Dest] = true
		}
	}
	_, isWriter := c.pkg.FieldPairs()[v.Origin()]
	return isWriter || c.pairDests[v.Origin()]
}

// findFieldWrappers tracks the field writers the function uses (c.bw),
// each over the field it is paired with (c.conn) on the same value.
func (c *checker) findFieldWrappers(m *model, fields []*ast.SelectorExpr) {
	if len(fields) == 0 {
		return
	}
	pairs := c.pkg.FieldPairs()
	byRef := make(map[ref]*ast.SelectorExpr)
	var order []ref
	for _, sel := range fields {
		if r, ok := c.refOf(m, sel); ok {
			if _, seen := byRef[r]; !seen {
				byRef[r] = sel
				order = append(order, r)
			}
		}
	}
	for _, r := range order {
		sel := byRef[r]
		v, _ := c.info.ObjectOf(sel.Sel).(*types.Var)
		p, ok := pairs[v.Origin()]
		if !ok {
			continue
		}
		dr := ref{root: r.root, path: strings.TrimSuffix(r.path, sel.Sel.Name) + p.Dest.Name()}
		dsel, ok := byRef[dr]
		if !ok {
			continue // the function never names the destination
		}
		w := c.addWrapper(m, sel)
		d := m.add(dr, dsel, c.text(dsel))
		d.isDest = true
		w.pairDest = m.ids[dr]
		w.dests = appendUnique(w.dests, m.ids[dr])
		if w.created == nil {
			w.created = p.At
		}
	}
}

// findTriggers notes the connections set to linger 0 and the buffers
// read with Bytes or String, and reports whether the function does
// anything a rule is about: closes a destination, pools or resets a
// writer, flushes a buffered destination, reads a buffer under one, or
// sets linger 0.
func (c *checker) findTriggers(m *model, calls []*ast.CallExpr) bool {
	trigger := false
	for _, call := range calls {
		if !trigger && c.closesDestArg(m, call) {
			trigger = true
		}
		if mc, ok := c.methodCall(m, call); ok && c.triggers(m, mc, call) {
			trigger = true
		}
	}
	for _, call := range calls {
		for _, a := range c.readerArgs(call) {
			if id, ok := c.trackedID(m, a); ok && m.refs[id].isDest {
				m.refs[id].buffer = true
				trigger = true
			}
		}
	}
	if !trigger {
		return false
	}
	for _, t := range m.refs {
		t.written = m.r.Classify(t.expr).Traits.Has(knowledge.Written)
	}
	return true
}

// triggers reports whether the method call is one a rule is about,
// noting the connections set to linger 0 and the buffers read.
func (c *checker) triggers(m *model, mc methodCall, call *ast.CallExpr) bool {
	switch {
	case c.isLinger0(mc, call):
		if r, ok := c.refOf(m, mc.recv); ok {
			e := aliased(m, mc.recv)
			m.add(r, e, c.text(e)).lingers = true
			return true
		}
	case isPoolPut(mc.fn), mc.name == "Reset":
		id, ok := c.trackedID(m, firstArgOrRecv(mc, call))
		return ok && m.refs[id].wrapper
	case mc.name == "Close" || mc.name == "CloseWrite":
		id, ok := c.trackedID(m, mc.recv)
		return ok && m.refs[id].isDest
	case mc.name == "Flush":
		id, ok := c.trackedID(m, mc.recv)
		return ok && m.ownedBuffer(id) // a buffered destination, flushed
	case c.isBufferRead(mc, call):
		if id, ok := c.trackedID(m, mc.recv); ok && m.refs[id].isDest {
			m.refs[id].buffer = true
			return true
		}
	}
	return false
}

// trackedID returns the id of the tracked ref e names.
func (c *checker) trackedID(m *model, e ast.Expr) (int, bool) {
	r, ok := c.refOf(m, e)
	if !ok {
		return 0, false
	}
	return m.get(r)
}

// closesDestArg reports whether call passes a destination to a function
// of the package that closes it (closeQuietly(f)), or a buffered
// destination to one that flushes it.
func (c *checker) closesDestArg(m *model, call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	for i, a := range call.Args {
		r, ok := c.refOf(m, a)
		if !ok {
			continue
		}
		if id, ok := m.get(r); ok && m.refs[id].isDest {
			if o, ok := c.finishesParam(fn, i); ok && (o == opClose || m.ownedBuffer(id)) {
				return true
			}
		}
	}
	return false
}

func firstArgOrRecv(mc methodCall, call *ast.CallExpr) ast.Expr {
	if isPoolPut(mc.fn) && len(call.Args) == 1 {
		return call.Args[0]
	}
	return mc.recv
}

func (c *checker) addWrapper(m *model, e ast.Expr) *tracked {
	r, _ := c.refOf(m, e)
	t := m.add(r, e, c.text(e))
	if !t.wrapper {
		t.wrapper = true
		v := m.r.Classify(e)
		t.finalizing = v.Traits.Has(knowledge.Finalizing)
		t.lost = v.Lost
	}
	return t
}

// needsFinish reports whether e is a writer that holds data until it is
// flushed or closed: the knowledge table's buffered and finalizing
// writers, and those it recognizes by structure.
func (c *checker) needsFinish(m *model, e ast.Expr) bool {
	return m.r.Classify(e).Traits&(knowledge.Buffered|knowledge.Finalizing) != 0
}

// methodCall is a call of a method, directly (conn.Close()) or through
// a method value held in a local variable (stop := conn.Close; stop()).
type methodCall struct {
	recv ast.Expr
	name string
	fn   *types.Func
	sel  *ast.SelectorExpr
}

func (c *checker) methodCall(m *model, call *ast.CallExpr) (methodCall, bool) {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if !c.isMethodValue(f) {
			return methodCall{}, false
		}
		fn, _ := c.info.Selections[f].Obj().(*types.Func)
		return methodCall{recv: f.X, name: f.Sel.Name, fn: fn, sel: f}, fn != nil
	case *ast.Ident:
		sel, ok := ast.Unparen(m.r.Origin(f)).(*ast.SelectorExpr)
		if !ok || !c.isMethodValue(sel) {
			return methodCall{}, false
		}
		fn, _ := c.info.Selections[sel].Obj().(*types.Func)
		return methodCall{recv: sel.X, name: sel.Sel.Name, fn: fn, sel: sel}, fn != nil
	}
	return methodCall{}, false
}

func (c *checker) isMethodValue(sel *ast.SelectorExpr) bool {
	s := c.info.Selections[sel]
	return s != nil && s.Kind() == types.MethodVal
}

// refOf returns the ref e names: a local variable, through & and *, and
// through the one assignment of a type assertion (tc :=
// conn.(*net.TCPConn) names conn), or a field path from one.
func (c *checker) refOf(m *model, e ast.Expr) (ref, bool) {
	return c.refOfDepth(m, e, 0)
}

func (c *checker) refOfDepth(m *model, e ast.Expr, depth int) (ref, bool) {
	if depth > 4 {
		return ref{}, false
	}
	switch x := stripRef(e).(type) {
	case *ast.Ident:
		v := localVar(c.info, x)
		if v == nil {
			return ref{}, false
		}
		if o, ok := ast.Unparen(m.r.Origin(x)).(*ast.TypeAssertExpr); ok {
			if r, ok := c.refOfDepth(m, o.X, depth+1); ok {
				return r, true
			}
		}
		return ref{root: v}, true
	case *ast.SelectorExpr:
		s := c.info.Selections[x]
		if s == nil || s.Kind() != types.FieldVal {
			return ref{}, false
		}
		base, ok := c.refOfDepth(m, x.X, depth+1)
		if !ok {
			return ref{}, false
		}
		return ref{root: base.root, path: base.path + "." + x.Sel.Name}, true
	}
	return ref{}, false
}

// aliased returns the expression a local made by a type assertion
// aliases (conn for tc, in tc, ok := conn.(*net.TCPConn)), or e: the
// ref is named and typed by what it was before the assertion.
func aliased(m *model, e ast.Expr) ast.Expr {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if o, ok := ast.Unparen(m.r.Origin(id)).(*ast.TypeAssertExpr); ok {
			return o.X
		}
	}
	return e
}

// stripRef returns e without the &, * and type assertions that name the
// same ref: &buf, *p, conn.(*net.TCPConn). Another unary operator gives
// nil.
func stripRef(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		default:
			return x
		}
	}
}

// plainLocal reports whether e is a local variable (not a field path).
func (c *checker) plainLocal(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.Ident)
	return ok && localVar(c.info, e) != nil
}

// localVar returns the local variable (or parameter) e names.
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

func isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}

// isHijack reports whether call is a Hijack method returning
// (net.Conn, *bufio.ReadWriter, error), as http.Hijacker's does.
func (c *checker) isHijack(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.info, call).(*types.Func)
	if !ok || fn.Name() != "Hijack" {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	return res.Len() == 3 && isNamed(res.At(1).Type(), "bufio", "ReadWriter")
}

func isPoolPut(fn *types.Func) bool {
	if fn == nil || fn.Name() != "Put" || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && isNamed(recv.Type(), "sync", "Pool")
}

// takesWriter reports whether fn's only parameter is an io.Writer-like
// interface: Reset(w io.Writer) of bufio, gzip, zlib, flate, zstd.
func (c *checker) takesWriter(fn *types.Func) bool {
	params := fn.Type().(*types.Signature).Params()
	return params.Len() == 1 && knowledge.IsWriterParam(params.At(0).Type())
}

// isLinger0 reports whether mc is net's SetLinger with the constant 0.
func (c *checker) isLinger0(mc methodCall, call *ast.CallExpr) bool {
	if mc.name != "SetLinger" || mc.fn.Pkg() == nil || mc.fn.Pkg().Path() != "net" || len(call.Args) != 1 {
		return false
	}
	tv, ok := c.info.Types[call.Args[0]]
	if !ok || tv.Value == nil {
		return false
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && n == 0
}

// isBufferRead reports whether mc reads the contents of an in-memory
// buffer: Bytes, String, WriteTo, Next and the Read methods of
// bytes.Buffer, String of strings.Builder.
func (c *checker) isBufferRead(mc methodCall, call *ast.CallExpr) bool {
	if mc.fn.Pkg() == nil {
		return false
	}
	recv := mc.fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	switch {
	case isNamed(recv.Type(), "bytes", "Buffer"):
		switch {
		case mc.name == "Bytes", mc.name == "String":
			return len(call.Args) == 0
		case mc.name == "WriteTo", mc.name == "Next", strings.HasPrefix(mc.name, "Read") && mc.name != "ReadFrom":
			return true
		}
	case isNamed(recv.Type(), "strings", "Builder"):
		return mc.name == "String" && len(call.Args) == 0
	}
	return false
}

// readerArgs returns the in-memory buffers call passes where a reader
// is wanted: io.Copy(dst, &buf), http.Post(url, ct, &buf) read what
// the buffer holds.
func (c *checker) readerArgs(call *ast.CallExpr) []ast.Expr {
	var bufs []ast.Expr
	var sig *types.Signature
	for i, a := range call.Args {
		t := c.info.TypeOf(a)
		if t == nil || !isNamed(t, "bytes", "Buffer") {
			continue
		}
		if sig == nil {
			sig, _ = types.Unalias(c.info.TypeOf(call.Fun)).(*types.Signature)
			if sig == nil {
				return nil // a conversion or builtin
			}
		}
		var pt types.Type
		switch {
		case i < sig.Params().Len()-1 || (i < sig.Params().Len() && !sig.Variadic()):
			pt = sig.Params().At(i).Type()
		default:
			continue // a variadic argument: fmt's ...any reads nothing
		}
		if types.IsInterface(pt) && knowledge.HasRead(pt) && !knowledge.HasWrite(pt) {
			bufs = append(bufs, a)
		}
	}
	return bufs
}

// isNamed reports whether t (or what it points to) is the named type
// path.name.
func isNamed(t types.Type, path, name string) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

func isFinishName(name string) bool {
	return name == "Close" || name == "Flush" || name == "WriteAll"
}

func appendUnique(s []int, x int) []int {
	for _, y := range s {
		if y == x {
			return s
		}
	}
	return append(s, x)
}

// text returns the source of e as it reads in messages.
func (c *checker) text(e ast.Expr) string {
	return types.ExprString(e)
}
