package closeorder

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

// evKind is what happens to a tracked ref at one point of a path.
type evKind uint8

const (
	evWrite    evKind = iota // bytes are written to it
	evFinish                 // Close, Flush or CloseWrite of it
	evDefer                  // a defer registers closes, flushes or puts
	evPut                    // it is handed back to a sync.Pool
	evReset                  // Reset(dst) aims it at a destination
	evRead                   // Bytes or String of a buffer
	evLinger                 // SetLinger(0) on a connection
	evConnRead               // a read from a connection: the peer answered
	evEscape                 // it goes where this function cannot follow
	evKill                   // the variable (or field) is assigned
	evLit                    // a function literal is made (or a goroutine started)
)

// op is the kind of a finishing call.
type op uint8

const (
	opClose op = iota
	opFlush
	opCloseWrite
	opPut
	opReset
)

// item is one call a defer registers.
type item struct {
	id   int
	op   op
	site int
}

type event struct {
	kind  evKind
	pos   token.Pos
	seq   int
	id    int
	op    op
	site  int
	items []item       // evDefer
	lit   *ast.FuncLit // evLit

	// evKill: the variable or field path assigned, the wrapper the
	// assignment creates (or -1) and the destination it wraps.
	root   *types.Var
	path   string
	create int
	cur    int // also evReset: the new destination, or -1
}

// site is a call the findings point at.
type site struct {
	call    *ast.CallExpr
	defer_  *ast.DeferStmt // the defer registering it, if deferred
	closure bool           // inside a deferred function literal
}

// extractor turns the nodes of a control-flow graph into events, in the
// order they are evaluated.
type extractor struct {
	c       *checker
	m       *model
	out     []event
	seq     int
	handled map[*ast.Ident]bool
	funs    map[ast.Expr]bool
	sites   map[siteKey]int

	deferLits []*ast.FuncLit // the deferred literals of the unit
}

// siteKey tells a call made now from the same call deferred: a call in
// a deferred literal is a deferred site of the enclosing function and a
// plain one of the literal.
type siteKey struct {
	call *ast.CallExpr
	d    *ast.DeferStmt
}

func (c *checker) newExtractor(m *model) *extractor {
	if m.siteIdx == nil {
		m.siteIdx = make(map[siteKey]int)
	}
	return &extractor{c: c, m: m, sites: m.siteIdx}
}

// node returns the events of one node of a block.
func (x *extractor) node(n ast.Node) []event {
	x.out = nil
	x.handled = make(map[*ast.Ident]bool)
	x.funs = make(map[ast.Expr]bool)
	switch n := n.(type) {
	case *ast.DeferStmt:
		x.deferStmt(n)
	case *ast.GoStmt:
		x.goStmt(n)
	default:
		x.walk(n)
	}
	slices.SortStableFunc(x.out, func(a, b event) int {
		if c := cmp.Compare(a.pos, b.pos); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	return x.out
}

// assigned returns the events of assigning a and b (either may be nil)
// in stmt.
func (x *extractor) assigned(a, b ast.Expr, stmt ast.Node) []event {
	x.out = nil
	x.handled = make(map[*ast.Ident]bool)
	for _, e := range []ast.Expr{a, b} {
		if e != nil {
			x.assignTarget(e, stmt)
		}
	}
	return x.out
}

func (x *extractor) emit(ev event) {
	x.seq++
	ev.seq = x.seq
	x.out = append(x.out, ev)
}

func (x *extractor) site(call *ast.CallExpr, d *ast.DeferStmt, closure bool) int {
	k := siteKey{call, d}
	if i, ok := x.sites[k]; ok {
		return i
	}
	i := len(x.m.sites)
	x.m.sites = append(x.m.sites, site{call: call, defer_: d, closure: closure})
	x.sites[k] = i
	return i
}

// walk visits an expression or simple statement evaluated now.
func (x *extractor) walk(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			x.emit(event{kind: evLit, pos: n.Pos(), lit: n})
			x.escapeMentions(n.Body, n.End())
			return false // its body runs later, on its own graph
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				x.assignTarget(l, n)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				x.assignTarget(id, n)
			}
		case *ast.CallExpr:
			x.funs[ast.Unparen(n.Fun)] = true
			x.call(n)
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				x.handle(n.X) // bw != nil compares, it does not alias
				x.handle(n.Y)
			}
		case *ast.SelectorExpr:
			x.selector(n)
		case *ast.Ident:
			if x.handled[n] {
				break
			}
			if id, ok := x.varID(n); ok {
				x.emit(event{kind: evEscape, pos: n.End(), id: id})
			}
		}
		return true
	})
}

// selector accounts for the operand of a field selection (gz.Header.Name:
// a field, not the writer itself), and of a method called or held as a
// method value the model follows.
func (x *extractor) selector(n *ast.SelectorExpr) {
	s := x.c.info.Selections[n]
	switch {
	case s == nil:
	case s.Kind() == types.FieldVal:
		x.handle(n.X)
	case x.funs[n] || x.m.mvals[n]:
		x.handle(n.X)
	}
}

// handle marks the variable at the root of e as accounted for.
func (x *extractor) handle(e ast.Expr) {
	for {
		switch y := ast.Unparen(e).(type) {
		case *ast.Ident:
			x.handled[y] = true
			return
		case *ast.SelectorExpr:
			e = y.X
		case *ast.UnaryExpr:
			e = y.X
		case *ast.StarExpr:
			e = y.X
		case *ast.TypeAssertExpr:
			e = y.X
		default:
			return
		}
	}
}

func (x *extractor) varID(id *ast.Ident) (int, bool) {
	v, ok := x.c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return 0, false
	}
	i, ok := x.m.vars[v]
	return i, ok
}

func (x *extractor) idOf(e ast.Expr) (int, bool) {
	r, ok := x.c.refOf(x.m, e)
	if !ok {
		return 0, false
	}
	return x.m.get(r)
}

// escapeMentions reports each tracked variable a function literal uses:
// the literal may write, finish or close it at any later time.
func (x *extractor) escapeMentions(body *ast.BlockStmt, pos token.Pos) {
	done := make(map[int]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if i, ok := x.varID(id); ok && !done[i] {
				done[i] = true
				x.emit(event{kind: evEscape, pos: pos, id: i})
			}
		}
		return true
	})
}

// assignTarget records the assignment of l in stmt.
func (x *extractor) assignTarget(l ast.Expr, stmt ast.Node) {
	l = ast.Unparen(l)
	switch l := l.(type) {
	case *ast.Ident:
		v := localVar(x.c.info, l)
		if v == nil {
			return
		}
		x.handled[l] = true
		if id, ok := x.m.vars[v]; ok && x.m.refs[id].ref.root != v {
			// The one definition of an alias (tc := conn.(*net.TCPConn)):
			// conn does not escape into tc, tc is conn.
			x.handle(x.m.r.Origin(l))
			return
		}
		ev := event{kind: evKill, pos: stmt.End(), root: v, create: -1, cur: -1}
		if id, ok := x.m.get(ref{root: v}); ok && x.m.refs[id].createStmt == stmt {
			ev.create, ev.cur = id, x.m.refs[id].createDest
		}
		x.emit(ev)
	case *ast.SelectorExpr:
		r, ok := x.c.refOf(x.m, l)
		if !ok {
			return
		}
		x.handle(l)
		x.emit(event{kind: evKill, pos: stmt.End(), root: r.root, path: r.path, create: -1, cur: -1})
	}
}

// call turns a call evaluated now into events.
func (x *extractor) call(call *ast.CallExpr) {
	c := x.c
	if mc, ok := c.methodCall(x.m, call); ok {
		x.methodEvents(call, mc)
		if mc.name == "Reset" && len(call.Args) == 1 && c.takesWriter(mc.fn) {
			x.handle(call.Args[0])
			return // aims the receiver at its argument, writes nothing to it
		}
	}
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	if fn == nil {
		return // a conversion, builtin or dynamic call: its arguments escape
	}
	if isPoolPut(fn) && len(call.Args) == 1 {
		if id, ok := x.idOf(call.Args[0]); ok && x.m.refs[id].wrapper {
			x.handle(call.Args[0])
			x.emit(event{kind: evPut, pos: call.End(), id: id, site: x.site(call, nil, false)})
		}
		return
	}
	if x.creates(call) {
		for _, a := range call.Args {
			x.handle(a) // bw := bufio.NewWriter(conn) writes nothing yet
		}
		return
	}
	x.argEvents(call, fn)
}

// argEvents turns what a call of fn does to the tracked refs passed to
// it into events: finished by a function of the package, written,
// read as a buffer or as a connection. Anything else escapes: its ident
// is left unhandled.
func (x *extractor) argEvents(call *ast.CallExpr, fn *types.Func) {
	written := make(map[ast.Expr]bool)
	knowledge.ForEachWritten(x.c.info, call, func(e ast.Expr) { written[e] = true })
	sig, _ := types.Unalias(x.c.info.TypeOf(call.Fun)).(*types.Signature)
	if sig == nil {
		return
	}
	var evs []event
	for i, arg := range call.Args {
		id, ok := x.idOf(arg)
		if !ok || i >= sig.Params().Len() {
			continue
		}
		pt := sig.Params().At(i).Type()
		t := x.m.refs[id]
		ev := event{pos: call.End(), id: id, site: -1}
		readOnly := types.IsInterface(pt) && knowledge.HasRead(pt) && !knowledge.HasWrite(pt)
		if o, ok := x.c.finishesParam(fn, i); ok {
			ev.kind, ev.op, ev.site = evFinish, o, x.site(call, nil, false) // finish(bw), closeQuietly(f)
		} else {
			switch {
			case written[arg] && !hasFinishMethod(pt):
				ev.kind = evWrite
			case !types.IsInterface(pt) && t.wrapper:
				ev.kind = evWrite // addEntries(zw *zip.Writer)
			case readOnly && t.buffer:
				ev.kind, ev.site = evRead, x.site(call, nil, false) // io.Copy(dst, &buf)
			case readOnly && !t.wrapper:
				ev.kind = evConnRead // io.ReadFull(conn, p)
			default:
				continue
			}
		}
		x.handle(arg)
		evs = append(evs, ev)
	}
	// One call that finishes a writer and closes its destination
	// (relay(conn, brw) flushes brw, then closes conn) is checked for
	// its own order where it is declared: here the writer goes first.
	slices.SortStableFunc(evs, func(a, b event) int { return cmp.Compare(x.finishRank(a), x.finishRank(b)) })
	for _, ev := range evs {
		x.emit(ev)
	}
}

// finishRank orders the finishes one call makes: outer writers, then
// writers that are destinations too, then everything else.
func (x *extractor) finishRank(ev event) int {
	t := x.m.refs[ev.id]
	switch {
	case ev.kind != evFinish || !t.wrapper:
		return 2
	case t.isDest:
		return 1
	}
	return 0
}

// creates reports whether call builds a writer over its argument without
// writing: a wrapping constructor, or the call that made a tracked
// writer.
func (x *extractor) creates(call *ast.CallExpr) bool {
	for _, t := range x.m.refs {
		if t.created == ast.Node(call) {
			return true
		}
	}
	fn, _ := typeutil.Callee(x.c.info, call).(*types.Func)
	return fn != nil && knowledge.IsWrappingConstructor(fn)
}

func hasFinishMethod(t types.Type) bool {
	return knowledge.HasErrorMethod(t, "Close") || knowledge.HasErrorMethod(t, "Flush")
}

// methodEvents turns a method call on a tracked ref into an event.
func (x *extractor) methodEvents(call *ast.CallExpr, mc methodCall) {
	id, ok := x.idOf(mc.recv)
	if !ok {
		return
	}
	x.handle(mc.recv)
	t := x.m.refs[id]
	ev := event{pos: call.End(), id: id, site: -1}
	switch {
	case mc.name == "Close" && len(call.Args) == 0:
		ev.kind, ev.op = evFinish, opClose
	case mc.name == "CloseWrite" && len(call.Args) == 0:
		ev.kind, ev.op = evFinish, opCloseWrite
	case (mc.name == "Flush" && len(call.Args) == 0) || mc.name == "WriteAll":
		ev.kind, ev.op = evFinish, opFlush
	case mc.name == "Reset" && len(call.Args) == 1 && x.c.takesWriter(mc.fn):
		ev.kind, ev.cur = evReset, -1
		x.handle(call.Args[0])
		if d, ok := x.idOf(call.Args[0]); ok && !isNil(call.Args[0]) {
			ev.cur = d
		}
	case x.c.isLinger0(mc, call):
		ev.kind = evLinger
	case x.c.isBufferRead(mc, call):
		ev.kind = evRead
	case writesReceiver(mc.name, len(call.Args)):
		ev.kind = evWrite
	case strings.HasPrefix(mc.name, "Read") && mc.name != "ReadFrom" && (!t.wrapper || x.c.readable(mc.recv)):
		ev.kind = evConnRead // conn.Read, or brw.ReadString of a hijacked bufio.ReadWriter
	default:
		return
	}
	switch ev.kind {
	case evFinish, evReset, evLinger, evRead:
		ev.site = x.site(call, nil, false)
	}
	x.emit(ev)
}

func (c *checker) readable(e ast.Expr) bool {
	t := c.info.TypeOf(e)
	return t != nil && knowledge.HasRead(t)
}

// writesReceiver reports whether a method of this name writes to its
// receiver: the Write family, ReadFrom, and the entry and encoding
// methods of archive, multipart and encoding writers.
func writesReceiver(name string, nargs int) bool {
	switch {
	case name == "WriteTo":
		return nargs != 1 // src.WriteTo(dst) writes dst; conn.WriteTo(p, addr) writes conn
	case name == "ReadFrom", name == "Copy", name == "AddFS":
		return true
	}
	for _, p := range [...]string{"Write", "Create", "Encode"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// deferStmt records a defer: its receiver and arguments are evaluated
// now, its call (or the closes, flushes and puts in its function
// literal) at exit.
func (x *extractor) deferStmt(d *ast.DeferStmt) {
	var items []item
	call := d.Call
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		x.deferLits = append(x.deferLits, lit)
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if it, ok := x.deferItem(n, d, true); ok {
					items = append(items, it)
				}
			}
			return true
		})
		for _, a := range call.Args {
			x.walk(a)
		}
	} else {
		if it, ok := x.deferItem(call, d, false); ok {
			items = append(items, it)
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && x.c.isMethodValue(sel) {
			if _, tracked := x.idOf(sel.X); tracked {
				x.handle(sel.X)
			}
			x.walk(sel.X) // the receiver is evaluated now
		}
		for _, a := range call.Args {
			if !x.handled[rootIdent(a)] {
				x.walk(a)
			}
		}
	}
	if len(items) > 0 {
		x.emit(event{kind: evDefer, pos: d.End(), items: items})
	}
}

func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch y := ast.Unparen(e).(type) {
		case *ast.Ident:
			return y
		case *ast.UnaryExpr:
			e = y.X
		default:
			return nil
		}
	}
}

// deferItem recognizes a deferred Close, CloseWrite, Flush or Reset of a
// tracked ref, a pool Put of one, or a function of the package that
// finishes one passed to it.
func (x *extractor) deferItem(call *ast.CallExpr, d *ast.DeferStmt, closure bool) (item, bool) {
	if mc, ok := x.c.methodCall(x.m, call); ok {
		if it, ok := x.deferMethod(call, mc); ok {
			it.site = x.site(call, d, closure)
			return it, true
		}
	}
	fn, _ := typeutil.Callee(x.c.info, call).(*types.Func)
	if isPoolPut(fn) && len(call.Args) == 1 {
		if id, ok := x.idOf(call.Args[0]); ok && x.m.refs[id].wrapper {
			x.handle(call.Args[0])
			return item{id: id, op: opPut, site: x.site(call, d, closure)}, true
		}
	}
	if fn == nil {
		return item{}, false
	}
	for i, a := range call.Args {
		id, ok := x.idOf(a)
		if !ok {
			continue
		}
		if o, ok := x.c.finishesParam(fn, i); ok {
			x.handle(a)
			return item{id: id, op: o, site: x.site(call, d, closure)}, true // defer closeQuietly(f)
		}
	}
	return item{}, false
}

// deferMethod recognizes a deferred method call on a tracked ref that
// finishes it (Close, CloseWrite, Flush), or a Reset of a writer:
// defer gz.Reset(io.Discard).
func (x *extractor) deferMethod(call *ast.CallExpr, mc methodCall) (item, bool) {
	id, ok := x.idOf(mc.recv)
	if !ok {
		return item{}, false
	}
	var o op
	switch {
	case mc.name == "Close" && len(call.Args) == 0:
		o = opClose
	case mc.name == "CloseWrite" && len(call.Args) == 0:
		o = opCloseWrite
	case mc.name == "Flush" && len(call.Args) == 0:
		o = opFlush
	case mc.name == "Reset" && len(call.Args) == 1 && x.c.takesWriter(mc.fn) && x.m.refs[id].wrapper:
		o = opReset
	default:
		return item{}, false
	}
	x.handle(mc.recv)
	return item{id: id, op: o}, true
}

// goStmt records a go statement: its arguments are evaluated now; what
// the call does to a tracked ref happens at an unknown time.
func (x *extractor) goStmt(g *ast.GoStmt) {
	call := g.Call
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		x.emit(event{kind: evLit, pos: lit.Pos(), lit: lit})
		x.escapeMentions(lit.Body, g.End())
	} else if mc, ok := x.c.methodCall(x.m, call); ok {
		if id, ok := x.idOf(mc.recv); ok {
			x.handle(mc.recv)
			x.emit(event{kind: evEscape, pos: g.End(), id: id})
		}
	}
	for _, a := range call.Args {
		x.walk(a)
	}
}
