package knowledge

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// returnsOnlyNil reports whether every return statement of d (not of
// the function literals in it) returns the constant nil, and d has one.
func (p *Package) returnsOnlyNil(d *ast.FuncDecl) bool {
	return p.everyReturn(d, func(s *ast.ReturnStmt) bool {
		return len(s.Results) == 1 && p.info.Types[s.Results[0]].IsNil()
	})
}

// everyReturn reports whether d, a declaration of the package, has a
// return of its own (not one of a function literal in it) and every
// such return passes ok.
func (p *Package) everyReturn(d *ast.FuncDecl, ok func(*ast.ReturnStmt) bool) bool {
	rets := p.returnsOf(d)
	for _, ret := range rets {
		if !ok(ret) {
			return false
		}
	}
	return len(rets) > 0
}

// callsNothing reports whether body, function literals included, makes
// no call but to builtins and conversions: it cannot write anywhere.
func callsNothing(info *types.Info, body ast.Node) bool {
	return everyCall(body, func(call *ast.CallExpr) bool {
		tv := info.Types[call.Fun]
		return tv.IsType() || tv.IsBuiltin()
	})
}

// everyCall reports whether every call in body, function literals
// included, passes ok.
func everyCall(body ast.Node, ok func(*ast.CallExpr) bool) bool {
	all := true
	ast.Inspect(body, func(node ast.Node) bool {
		if call, isCall := node.(*ast.CallExpr); isCall && all {
			all = ok(call)
		}
		return all
	})
	return all
}

// infallibleWrite reports whether the Write method d returns a constant
// nil error from every return and calls nothing that could fail
// (func (c *counter) Write(p []byte) (int, error) { *c += ...; return len(p), nil }).
func (p *Package) infallibleWrite(d *ast.FuncDecl) bool {
	return p.everyReturn(d, func(s *ast.ReturnStmt) bool {
		return len(s.Results) == 2 && p.info.Types[s.Results[1]].IsNil()
	}) && callsNothing(p.info, d.Body)
}

// recvVar returns the receiver variable of the method d, or nil.
func recvVar(info *types.Info, d *ast.FuncDecl) *types.Var {
	if d.Recv == nil || len(d.Recv.List) == 0 || len(d.Recv.List[0].Names) == 0 {
		return nil
	}
	v, _ := info.Defs[d.Recv.List[0].Names[0]].(*types.Var)
	return v
}

// chainOf returns the path of fields from recv that e selects ("err",
// "e.err"; "" for recv itself), and whether e is such a path.
func chainOf(info *types.Info, recv *types.Var, e ast.Expr) (string, bool) {
	var names []string
	for recv != nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if info.Uses[x] != recv {
				return "", false
			}
			for i, j := 0, len(names)-1; i < j; i, j = i+1, j-1 {
				names[i], names[j] = names[j], names[i]
			}
			return strings.Join(names, "."), true
		case *ast.SelectorExpr:
			if sel := info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return "", false // a method or a qualified name
			}
			names = append(names, x.Sel.Name)
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return "", false
		}
	}
	return "", false
}

// errorField returns the chain of e when it is an error-typed field
// path of recv, or "".
func errorField(info *types.Info, recv *types.Var, e ast.Expr) string {
	c, ok := chainOf(info, recv, e)
	if !ok || c == "" || !IsError(info.TypeOf(e)) {
		return ""
	}
	return c
}

// guardOf returns the error field that method d returns before doing
// anything else: `if w.err != nil { return 0, w.err }` first, a Flush
// that only returns it, or a first call of an own method that does.
func (m *methods) guardOf(d *ast.FuncDecl, depth int) string {
	info := m.p.info
	recv := recvVar(info, d)
	if recv == nil || d.Body == nil || len(d.Body.List) == 0 || depth > 2 {
		return ""
	}
	first := d.Body.List[0]
	switch s := first.(type) {
	case *ast.IfStmt:
		if c := guardField(info, recv, s); c != "" {
			return c
		}
	case *ast.ReturnStmt:
		if len(d.Body.List) == 1 && len(s.Results) == 1 {
			return errorField(info, recv, s.Results[0]) // func (b bw) Flush() error { return b.e.err }
		}
	case *ast.RangeStmt:
		first = loopFirst(info, s) // for i, c := range data { if err := b.WriteByte(c); ... }: an empty range writes nothing
	}
	if callee := m.ownCallee(firstCall(first), recv); callee != nil {
		return m.guardOf(callee, depth+1)
	}
	return ""
}

// loopFirst returns the first statement of the body of a range loop
// whose header calls nothing, or nil: each iteration begins with it.
func loopFirst(info *types.Info, s *ast.RangeStmt) ast.Stmt {
	if len(s.Body.List) == 0 || !callsNothing(info, s.X) {
		return nil
	}
	return s.Body.List[0]
}

// guardField returns the field f of `if f != nil { ...; return ..., f }`.
func guardField(info *types.Info, recv *types.Var, s *ast.IfStmt) string {
	cond, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if s.Init != nil || s.Else != nil || !ok || cond.Op != token.NEQ || !info.Types[cond.Y].IsNil() {
		return ""
	}
	c := errorField(info, recv, cond.X)
	if c == "" || len(s.Body.List) == 0 {
		return ""
	}
	ret, ok := s.Body.List[len(s.Body.List)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) == 0 || errorField(info, recv, ret.Results[len(ret.Results)-1]) != c {
		return "" // it does not return the kept error
	}
	return c
}

// firstCall returns the call a statement makes first at its top level.
func firstCall(s ast.Stmt) *ast.CallExpr {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	case *ast.ReturnStmt:
		if len(s.Results) > 0 {
			e = s.Results[len(s.Results)-1]
		}
	case *ast.IfStmt:
		if s.Init != nil {
			return firstCall(s.Init) // if err := b.WriteByte(c); err != nil
		}
	}
	call, _ := ast.Unparen(e).(*ast.CallExpr)
	return call
}

// ownCallee returns the declaration of the method of the same type that
// call invokes on recv, or nil.
func (m *methods) ownCallee(call *ast.CallExpr, recv *types.Var) *ast.FuncDecl {
	if call == nil {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := m.p.info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	if c, ok := chainOf(m.p.info, recv, sel.X); !ok || c != "" {
		return nil // not a method of the receiver itself
	}
	return m.decl(sel.Sel.Name)
}

// keeps reports whether some method of the type stores a value other
// than nil into the field path c of its receiver, itself or through a
// method of this package called on a field of the receiver that stores
// into the rest of the path (blockWriter's b.e.write(p) sets b.e.err).
func (m *methods) keeps(c string) bool {
	for _, d := range m.decls {
		if m.stores(d, c, 0) {
			return true
		}
	}
	return false
}

// stores reports whether method d stores a value other than nil into
// the field path c of its receiver, directly or through a method called
// on a field on the way (depth bounds that).
func (m *methods) stores(d *ast.FuncDecl, c string, depth int) bool {
	info := m.p.info
	recv := recvVar(info, d)
	if recv == nil || d.Body == nil || depth > 2 {
		return false
	}
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if lc, ok := chainOf(info, recv, l); ok && lc == c && !assignsNil(info, n, i) {
					found = true
				}
			}
		case *ast.CallExpr:
			found = found || m.storesVia(recv, n, c, depth)
		}
		return !found
	})
	return found
}

// storesVia reports whether call, a method of this package called on the
// field path p of recv, stores into the rest of the path c after p.
func (m *methods) storesVia(recv *types.Var, call *ast.CallExpr, c string, depth int) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := m.p.info.ObjectOf(sel.Sel).(*types.Func)
	if !ok || m.declOf[fn] == nil {
		return false // not a method declared in this package
	}
	p, ok := chainOf(m.p.info, recv, sel.X)
	if !ok || p == "" || !strings.HasPrefix(c, p+".") {
		return false // not called on a field on the way to c
	}
	return m.stores(m.declOf[fn], strings.TrimPrefix(c, p+"."), depth+1)
}

func assignsNil(info *types.Info, as *ast.AssignStmt, i int) bool {
	return len(as.Lhs) == len(as.Rhs) && info.Types[as.Rhs[i]].IsNil()
}

// sticky returns the kept error field path when Write (and Flush, if t
// has one) return the same kept error field before writing, and the type
// stores errors in it (grpc's bufWriter, gorilla's messageWriter), or "".
func (m *methods) sticky(t types.Type) string {
	w := m.decl("Write")
	if w == nil {
		return ""
	}
	c := m.guardOf(w, 0)
	if c == "" {
		return ""
	}
	if HasErrorMethod(t, "Flush") {
		f := m.decl("Flush")
		if f == nil || m.guardOf(f, 0) != c {
			return ""
		}
	}
	if !m.keeps(c) {
		return ""
	}
	return c
}

// via returns the field path from the receiver to the one sticky writer
// that every data-committing call in the type's methods writes to
// (textproto's dotWriter writes only to d.w.W, a bufio.Writer), or "".
func (m *methods) via(t types.Type) string {
	if !HasWrite(t) {
		return "" // not a writer
	}
	path, n := "", 0
	for _, d := range m.decls {
		recv := recvVar(m.p.info, d)
		r := m.p.Resolver(d)
		ok := true
		ast.Inspect(d.Body, func(node ast.Node) bool {
			call, isCall := node.(*ast.CallExpr)
			if !isCall || !ok {
				return ok
			}
			c, commits := m.p.CommitOf(call)
			if !commits {
				return true
			}
			n++
			p := m.stickyPath(r, recv, c)
			ok = p != "" && (path == "" || p == path)
			path = p
			return ok
		})
		if !ok {
			return ""
		}
	}
	if n == 0 {
		return ""
	}
	return path
}

// stickyPath returns the field path of the receiver that commit c writes
// to, directly or through a local assigned once (bw := d.w.W), when the
// writer there is sticky; or "".
func (m *methods) stickyPath(r *Resolver, recv *types.Var, c Commit) string {
	if c.Target == nil || c.Via {
		return ""
	}
	target := c.Target
	if o := r.Origin(target); o != nil {
		target = o
	}
	p, ok := chainOf(m.p.info, recv, target)
	if !ok || p == "" {
		return ""
	}
	if traits, _ := m.p.StaticTraits(m.p.info.TypeOf(target)); !traits.Has(Sticky) {
		return ""
	}
	return p
}

// learnFlushesSelf finds the exported methods of the type that end by
// returning the result of flushing what the type's Flush flushes.
func (m *methods) learnFlushesSelf() {
	flush := m.decl("Flush")
	if flush == nil {
		return
	}
	fp, ok := m.lastFlush(flush)
	if !ok || fp == "" {
		return // Flush does not return a field's Flush
	}
	for _, d := range m.decls {
		fn, isFn := m.p.info.Defs[d.Name].(*types.Func)
		if d == flush || !isFn || !fn.Exported() || !returnsOnlyError(fn) {
			continue
		}
		if p, ok := m.lastFlush(d); ok && (p == fp || p == "") {
			m.p.flushesSelf[fn] = true
		}
	}
}

// lastFlush returns the field path whose Flush the last statement of d
// returns (`return enc.p.Flush()`: "p"; `return e.Flush()`: "").
func (m *methods) lastFlush(d *ast.FuncDecl) (string, bool) {
	if d.Body == nil || len(d.Body.List) == 0 {
		return "", false
	}
	ret, ok := d.Body.List[len(d.Body.List)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return "", false
	}
	call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return "", false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Flush" || !HasErrorMethod(m.p.info.TypeOf(sel.X), "Flush") {
		return "", false // not the writer's Flush() error
	}
	return chainOf(m.p.info, recvVar(m.p.info, d), sel.X)
}
