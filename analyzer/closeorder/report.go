package closeorder

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/flushcheck/flushcheck/analyzer/internal/knowledge"
)

type rule uint8

const (
	ruleCloseFirst          rule = iota // conn.Close() ... bw.Flush()
	ruleCloseBeforeDeferred             // defer bw.Flush() ... conn.Close(); return
	ruleDeferOrder                      // defer gz.Close(); defer f.Close()
	ruleDeferResetOrder                 // defer gz.Close(); defer gz.Reset(io.Discard)
	rulePutDirty                        // zw written, then pool.Put(zw) without Close
	rulePutThenFinish                   // pool.Put(zw) ... zw.Close()
	rulePutBeforeDeferred               // defer zw.Close() ... pool.Put(zw)
	ruleDeferPutOrder                   // defer zw.Close(); defer pool.Put(zw)
	rulePutDeferredDirty                // defer pool.Put(zw); zw written; return
	ruleResetDirty                      // bw written, then bw.Reset(other) without Flush
	ruleReadEarly                       // defer gz.Close(); ...; return buf.Bytes()
	ruleLinger                          // SetLinger(0) on a written connection, then Close
	ruleFlushFirst                      // gz over bw: bw.Flush() ... gz.Close(); return
	ruleFlushBeforeDeferred             // defer gz.Close() ... bw.Flush(); return
	ruleDeferFlushOrder                 // defer gz.Close(); defer bw.Flush()
	ruleReadBeforeClose                 // zw.Flush(); out := buf.Bytes(); zw.Close(); return out
)

// rank orders the findings at one site about one writer: the first
// says the most (a Put followed by the Close says more than a Put
// before any Close).
func (r rule) rank() int {
	switch r {
	case rulePutDirty, rulePutDeferredDirty:
		return 1
	}
	return 0
}

// finding is a candidate report: the site it points at, the writer (or
// connection) it is about, and the site it relates to (-1: none).
type finding struct {
	rule  rule
	m     *model
	at    int
	w     int
	other int
}

type findingKey struct {
	rule  rule
	at    site
	w     ref
	other site
}

func (c *checker) record(f finding) {
	if f.at < 0 {
		return
	}
	k := findingKey{rule: f.rule, at: f.m.sites[f.at], w: f.m.refs[f.w].ref}
	if f.other >= 0 {
		k.other = f.m.sites[f.other]
	}
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	c.found = append(c.found, f)
}

// flush drops the findings on paths that already report failure, keeps
// one per site and writer, and reports them in source order.
func (c *checker) flush() {
	type once struct {
		pos token.Pos
		w   ref
	}
	type ranked struct {
		rank int
		d    analysis.Diagnostic
	}
	best := make(map[once]ranked)
	var order []once
	for _, f := range c.found {
		if c.excused(f) {
			continue
		}
		d, ok := c.diagnostic(f)
		if !ok {
			continue
		}
		k := once{d.Pos, f.m.refs[f.w].ref}
		r, seen := best[k]
		if !seen {
			order = append(order, k)
		} else if r.rank <= f.rule.rank() {
			continue
		}
		best[k] = ranked{f.rule.rank(), d}
	}
	ds := make([]analysis.Diagnostic, 0, len(order))
	for _, k := range order {
		ds = append(ds, best[k].d)
	}
	slices.SortStableFunc(ds, func(a, b analysis.Diagnostic) int { return cmp.Compare(a.Pos, b.Pos) })
	for _, d := range ds {
		c.report.Report(d)
	}
}

// excused reports whether the statement a finding hinges on lies on a
// path that already reports failure: cleanup on an error path, where
// nothing is claimed to have arrived.
func (c *checker) excused(f finding) bool {
	var hinge int
	switch f.rule {
	case ruleCloseFirst, ruleCloseBeforeDeferred, ruleFlushFirst, ruleFlushBeforeDeferred:
		hinge = f.other // the early close or flush
	case rulePutDirty, rulePutThenFinish, rulePutBeforeDeferred, ruleResetDirty, ruleReadEarly, ruleReadBeforeClose, ruleLinger:
		hinge = f.at
	default:
		return false // defers run on every path
	}
	if hinge < 0 {
		return false
	}
	s := f.m.sites[hinge]
	if s.defer_ != nil {
		return false
	}
	stmt, ok := c.statementOf(f.m, s.call)
	if !ok {
		return false
	}
	if c.paths.Failing(stmt) || c.stops(stmt.Node()) {
		return true
	}
	return f.rule == ruleLinger && f.other >= 0 && f.m.sites[f.other].defer_ == nil && c.failingCall(f.m, f.m.sites[f.other].call)
}

func (c *checker) failingCall(m *model, call *ast.CallExpr) bool {
	stmt, ok := c.statementOf(m, call)
	return ok && (c.paths.Failing(stmt) || c.stops(stmt.Node()))
}

// stops reports whether stmt is itself a call that never returns:
// t.Fatalf("got %q", buf.String()) reads the buffer to report failure.
func (c *checker) stops(stmt ast.Node) bool {
	es, ok := stmt.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && c.paths.NeverReturns(call)
}

// statementOf returns the statement of a block or case clause that holds
// call.
func (c *checker) statementOf(m *model, call *ast.CallExpr) (inspector.Cursor, bool) {
	cur, ok := m.fn.FindByPos(call.Pos(), call.End())
	if !ok {
		return cur, false
	}
	for ; cur.Valid(); cur = cur.Parent() {
		if _, isStmt := cur.Node().(ast.Stmt); !isStmt {
			continue
		}
		switch cur.Parent().Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return cur, true
		}
	}
	return cur, false
}

func (c *checker) diagnostic(f finding) (analysis.Diagnostic, bool) {
	m := f.m
	t := m.refs[f.w]
	at := m.sites[f.at]
	var other site
	if f.other >= 0 {
		other = m.sites[f.other]
	}
	msg, related, ok := c.message(f, t, at, other)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	if t.created != nil {
		related = append(related, analysis.RelatedInformation{Pos: t.created.Pos(), End: t.created.End(), Message: "writer created here"})
	}
	reported := at
	if f.rule.atEarlyFinish() {
		reported = other // the statement to move is the early close or flush
	}
	d := analysis.Diagnostic{Message: msg, Related: related}
	d.Pos, d.End = statementRange(reported)
	switch f.rule {
	case ruleDeferOrder, ruleDeferResetOrder, ruleDeferPutOrder, ruleDeferFlushOrder:
		// at was registered after other for a put, before it for a close.
		first, second := at, other
		if f.rule == ruleDeferPutOrder {
			first, second = other, at
		}
		if fix, ok := c.swapFix(m, first, second); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	return d, true
}

// atEarlyFinish reports whether a finding of rule r is reported at the
// call that comes too early (its other site: the destination's close or
// flush, a deferred Reset) rather than at the writer's late finish.
func (r rule) atEarlyFinish() bool {
	switch r {
	case ruleCloseFirst, ruleCloseBeforeDeferred, ruleDeferOrder, ruleDeferResetOrder,
		ruleFlushFirst, ruleFlushBeforeDeferred, ruleDeferFlushOrder:
		return true
	}
	return false
}

// message returns the message of finding f about writer t, at site at,
// relating to site other, and its related information but the writer's
// constructor.
func (c *checker) message(f finding, t *tracked, at, other site) (string, []analysis.RelatedInformation, bool) {
	switch f.rule {
	case ruleCloseFirst, ruleCloseBeforeDeferred, ruleDeferOrder, ruleDeferResetOrder:
		return c.orderMessage(f, t, at, other), []analysis.RelatedInformation{c.finishedHere(at)}, true
	case ruleFlushFirst, ruleFlushBeforeDeferred, ruleDeferFlushOrder:
		return c.flushMessage(f, t, at, other), []analysis.RelatedInformation{c.finishedHere(at)}, true
	case rulePutDirty, rulePutThenFinish, rulePutBeforeDeferred, ruleDeferPutOrder, rulePutDeferredDirty:
		return c.poolMessage(f, t, at, other)
	case ruleResetDirty:
		return fmt.Sprintf("%s runs before %s.%s(); %s discarded",
			c.callText(at), t.name, finishName(t), c.lostIs(t, c.finishOpOf(t))), nil, true
	case ruleReadEarly:
		msg, related := c.readMessage(f, t, at, other)
		return msg, related, true
	case ruleReadBeforeClose:
		return fmt.Sprintf("%s runs before %s, and %s is not read after it; %s missing from the result",
				c.callText(at), c.callText(other), c.bufferName(f.m, t), c.lostIs(t, opClose)),
			[]analysis.RelatedInformation{c.finishedHere(other)}, true
	case ruleLinger:
		return c.lingerMessage(t, at, other), []analysis.RelatedInformation{
			{Pos: other.call.Pos(), End: other.call.End(), Message: "connection closed here"},
		}, true
	}
	return "", nil, false
}

// orderMessage says that the destination is closed (or the writer
// reset) before the writer's finish.
func (c *checker) orderMessage(f finding, t *tracked, at, other site) string {
	switch f.rule {
	case ruleCloseBeforeDeferred:
		return fmt.Sprintf("%s runs before the deferred %s; %s written to %s",
			c.callText(other), types.ExprString(at.call), c.lostIs(t, c.finishOp(at)), c.closedNoun(f.m, other))
	case ruleDeferResetOrder:
		return fmt.Sprintf("%s runs before %s; %s discarded",
			c.callText(other), c.callText(at), c.lostIs(t, c.finishOp(at)))
	}
	return fmt.Sprintf("%s runs before %s; %s written to %s",
		c.callText(other), c.callText(at), c.lostIs(t, c.finishOp(at)), c.closedNoun(f.m, other))
}

// flushMessage says that the buffered destination is flushed for the
// last time before the writer over it pushes its last bytes into it.
func (c *checker) flushMessage(f finding, t *tracked, at, other site) string {
	late := c.callText(at)
	if f.rule == ruleFlushBeforeDeferred {
		late = "the deferred " + types.ExprString(at.call)
	}
	dest := c.flushedDest(f.m, t)
	return fmt.Sprintf("%s runs before %s; %s written into %s %q after its last flush",
		c.callText(other), late, c.lostIs(t, c.finishOp(at)), c.typeName(dest), dest.name)
}

// flushedDest returns the buffered destination of writer t that the
// function flushes.
func (c *checker) flushedDest(m *model, t *tracked) *tracked {
	for _, d := range t.dests {
		if m.ownedBuffer(d) {
			return m.refs[d]
		}
	}
	return &tracked{name: "the buffer"} // not reached: the rule needs one
}

// poolMessage says that the writer is handed back to the pool too early.
func (c *checker) poolMessage(f finding, t *tracked, at, other site) (string, []analysis.RelatedInformation, bool) {
	switch f.rule {
	case rulePutDirty:
		return fmt.Sprintf("%s hands %s back to the pool %s; %s never written",
			c.callText(at), t.name, c.beforeFinish(t), c.lostIs(t, opClose)), nil, true
	case rulePutThenFinish:
		return fmt.Sprintf("%s runs before %s; %s written by a writer already back in the pool",
				c.callText(at), c.callText(other), c.lostIs(t, c.finishOp(other))),
			[]analysis.RelatedInformation{{Pos: other.call.Pos(), End: other.call.End(), Message: "finished here"}}, true
	case rulePutBeforeDeferred:
		return fmt.Sprintf("%s runs before the deferred %s; %s written by a writer already back in the pool",
			c.callText(at), types.ExprString(other.call), c.lostIs(t, c.finishOp(other))), []analysis.RelatedInformation{c.deferredHere(other)}, true
	case ruleDeferPutOrder:
		return fmt.Sprintf("%s runs before %s; %s written by a writer already back in the pool",
			c.callText(at), c.callText(other), c.lostIs(t, c.finishOp(other))), []analysis.RelatedInformation{c.deferredHere(other)}, true
	case rulePutDeferredDirty:
		return fmt.Sprintf("%s hands %s back to the pool %s on a path that returns; %s never written",
			c.callText(at), t.name, c.beforeFinish(t), c.lostIs(t, opClose)), nil, true
	}
	return "", nil, false
}

// readMessage says that the buffer is read before the writer over it is
// finished.
func (c *checker) readMessage(f finding, t *tracked, at, other site) (string, []analysis.RelatedInformation) {
	var related []analysis.RelatedInformation
	when := t.name + "." + finishName(t) + "()"
	if f.other >= 0 {
		when = "the deferred " + types.ExprString(other.call)
		related = append(related, c.deferredHere(other))
	}
	if c.readsAsReader(f.m, at.call) {
		return fmt.Sprintf("%s reads %s before %s; %s missing from what it reads",
			c.callText(at), c.bufferName(f.m, t), when, c.lostIs(t, c.finishOpOf(t))), related
	}
	return fmt.Sprintf("%s runs before %s; %s missing from the result",
		c.callText(at), when, c.lostIs(t, c.finishOpOf(t))), related
}

func (c *checker) lingerMessage(t *tracked, at, other site) string {
	closeText := "the deferred " + types.ExprString(other.call)
	if other.defer_ == nil {
		closeText = c.callText(other)
	}
	return fmt.Sprintf("%s makes %s reset %s %q, which this function wrote to; unsent bytes are dropped",
		c.callText(at), closeText, c.typeName(t), t.name)
}

// readsAsReader reports whether call reads a buffer by taking it as an
// io.Reader, rather than by a method of the buffer.
func (c *checker) readsAsReader(m *model, call *ast.CallExpr) bool {
	if mc, ok := c.methodCall(m, call); ok && c.isBufferRead(mc, call) {
		return false
	}
	return len(c.readerArgs(call)) > 0
}

// bufferName names the buffer under writer t.
func (c *checker) bufferName(m *model, t *tracked) string {
	for _, d := range t.dests {
		if m.refs[d].buffer {
			return strings.TrimPrefix(m.refs[d].name, "&")
		}
	}
	return "the buffer"
}

// callText names a site as it reads in the source: conn.Close(),
// defer f.Close(), bufPool.Put(zw).
func (c *checker) callText(s site) string {
	text := types.ExprString(s.call)
	if len(text) > 60 {
		text = types.ExprString(s.call.Fun) + "(...)"
	}
	switch {
	case s.defer_ != nil && s.closure:
		return text + " in a deferred function"
	case s.defer_ != nil:
		return "defer " + text
	}
	return text
}

func (c *checker) finishOp(s site) op {
	if s.call == nil {
		return opClose
	}
	if sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Flush" {
		return opFlush
	}
	return opClose
}

func (c *checker) finishOpOf(t *tracked) op {
	if finishName(t) == "Flush" {
		return opFlush
	}
	return opClose
}

// finishName is the call that finishes t: Close for a finalizing writer,
// Flush for a buffered one.
func finishName(t *tracked) string {
	if t.finalizing {
		return "Close"
	}
	return "Flush"
}

func (c *checker) beforeFinish(t *tracked) string {
	if t.hasFinish && (!t.finalizing || t.hasClose) {
		return "before " + t.name + "." + finishName(t) + "()"
	}
	return "without " + t.name + "." + finishName(t) + "()"
}

// lostIs says what of t is at stake, naming t and its type unless the
// description already does, with its verb: `the gzip footer is`,
// `buffered bytes of bufio.Writer "bw" are`.
func (c *checker) lostIs(t *tracked, o op) string {
	lost := t.lost
	if lost == "" || (o == opFlush && t.finalizing) {
		lost = "buffered bytes"
	}
	verb := " is"
	if strings.HasSuffix(lost, "s") {
		verb = " are"
	}
	typ := c.info.TypeOf(t.expr)
	name := c.typeName(t)
	pkg := ""
	if n, ok := types.Unalias(deref(typ)).(*types.Named); ok && n.Obj().Pkg() != nil {
		pkg = n.Obj().Pkg().Name()
	}
	switch {
	case lost == "data held by the writer":
		lost = fmt.Sprintf("data held by %s %q", name, t.name)
	case typ == nil || types.IsInterface(typ) || pkg == "" || strings.Contains(strings.ToLower(lost), pkg):
	default:
		lost = fmt.Sprintf("%s of %s %q", lost, name, t.name)
	}
	return lost + verb
}

func (c *checker) typeName(t *tracked) string {
	typ := c.info.TypeOf(t.expr)
	if typ == nil {
		return "writer"
	}
	return types.TypeString(deref(typ), func(p *types.Package) string { return p.Name() })
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// closedNoun says what the closing site closed: a closed file, a closed
// connection, a connection closed for writing.
func (c *checker) closedNoun(m *model, s site) string {
	recv := c.closedRecv(m, s)
	noun := "destination"
	if recv != nil {
		v := m.r.Classify(recv)
		typ := c.info.TypeOf(recv)
		switch {
		case v.Traits.Has(knowledge.Conn):
			noun = "connection"
		case v.Traits.Has(knowledge.Writable) || (typ != nil && isNamed(typ, "os", "File")):
			noun = "file"
		case v.Traits.Has(knowledge.NilClose):
			noun = "pipe"
		case v.Traits&(knowledge.Buffered|knowledge.Finalizing) != 0:
			noun = "writer"
		}
	}
	if sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "CloseWrite" {
		return "a " + noun + " closed for writing"
	}
	return "a closed " + noun
}

// statementRange is where a finding at s is reported: the call, or the
// defer registering it. A call in a deferred function literal is
// reported at the literal's defer statement, whose header
// (defer func() {) is the statement to move.
func statementRange(s site) (token.Pos, token.Pos) {
	switch {
	case s.defer_ == nil:
		return s.call.Pos(), s.call.End()
	case s.closure:
		end := s.defer_.End()
		if lit, ok := ast.Unparen(s.defer_.Call.Fun).(*ast.FuncLit); ok {
			end = lit.Body.Lbrace + 1
		}
		return s.defer_.Pos(), end
	}
	return s.defer_.Pos(), s.defer_.End()
}

// finishedHere points at the writer's finish that comes too late.
func (c *checker) finishedHere(s site) analysis.RelatedInformation {
	pos, end := s.call.Pos(), s.call.End()
	if s.defer_ != nil && !s.closure {
		pos, end = s.defer_.Pos(), s.defer_.End()
	}
	return analysis.RelatedInformation{Pos: pos, End: end, Message: "the writer is finished here, too late"}
}

func (c *checker) deferredHere(s site) analysis.RelatedInformation {
	pos, end := s.call.Pos(), s.call.End()
	if s.defer_ != nil && !s.closure {
		pos, end = s.defer_.Pos(), s.defer_.End()
	}
	return analysis.RelatedInformation{Pos: pos, End: end, Message: "deferred here"}
}

// closedRecv returns what a closing site closes: the receiver of
// conn.Close(), the destination passed to closeQuietly(f), the receiver
// behind a method value (stop := conn.Close; stop()).
func (c *checker) closedRecv(m *model, s site) ast.Expr {
	if mc, ok := c.methodCall(m, s.call); ok {
		return mc.recv
	}
	for _, a := range s.call.Args {
		if r, ok := c.refOf(m, a); ok {
			if id, ok := m.get(r); ok && m.refs[id].isDest {
				return a
			}
		}
	}
	return nil
}

// swapFix swaps two defer statements when they stand next to each other
// in the same block, so that they run in the other order.
func (c *checker) swapFix(m *model, first, second site) (analysis.SuggestedFix, bool) {
	a, b := first.defer_, second.defer_
	if a == nil || b == nil || first.closure || second.closure || a == b {
		return analysis.SuggestedFix{}, false
	}
	cur, ok := m.fn.FindByPos(a.Pos(), a.End())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	next, ok := cur.NextSibling()
	if !ok || next.Node() != ast.Node(b) {
		return analysis.SuggestedFix{}, false
	}
	at, ok1 := c.source(a)
	bt, ok2 := c.source(b)
	if !ok1 || !ok2 {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message: "Swap the two defers so that " + types.ExprString(a.Call) + " runs first",
		TextEdits: []analysis.TextEdit{
			{Pos: a.Pos(), End: a.End(), NewText: bt},
			{Pos: b.Pos(), End: b.End(), NewText: at},
		},
	}, true
}

// source returns the text of n as written in its file.
func (c *checker) source(n ast.Node) ([]byte, bool) {
	tf := c.pass.Fset.File(n.Pos())
	if tf == nil || c.pass.ReadFile == nil {
		return nil, false
	}
	data, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return nil, false
	}
	lo, hi := tf.Offset(n.Pos()), tf.Offset(n.End())
	if lo < 0 || hi > len(data) || lo > hi {
		return nil, false
	}
	return data[lo:hi], true
}
