package knowledge

import (
	"go/types"
)

// TypeRow returns the table row of t (or of what t points to).
func TypeRow(t types.Type) *Row {
	n := named(t)
	if n == nil {
		return nil // not a named type: nothing in the table
	}
	obj := n.Obj()
	if obj.Pkg() == nil {
		return nil // predeclared (error)
	}
	return lookup(Type, obj.Pkg().Path(), obj.Name())
}

// FuncRow returns the table row of a constructor or opener function.
func FuncRow(fn *types.Func) *Row {
	if fn == nil || fn.Pkg() == nil || isMethod(fn) {
		return nil
	}
	return lookup(Func, fn.Pkg().Path(), fn.Name())
}

// VarRow returns the table row of a package-level variable.
func VarRow(v *types.Var) *Row {
	if v == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil // not package-level
	}
	return lookup(Var, v.Pkg().Path(), v.Name())
}

// named returns the named type of t, *T or an alias of either.
func named(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

func isMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

// method returns the method or field-free method of t named name, looking
// through pointers and embedding as a method call would.
func method(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, _ := obj.(*types.Func)
	return fn
}

// returnsOnlyError reports whether fn's signature is func(...) error.
func returnsOnlyError(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Results().Len() == 1 && IsError(sig.Results().At(0).Type())
}

// IsError reports whether t is the predeclared error type.
func IsError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// LastIsError reports whether the last result of sig is an error.
func LastIsError(sig *types.Signature) bool {
	r := sig.Results()
	return r.Len() > 0 && IsError(r.At(r.Len()-1).Type())
}

// HasWrite reports whether t has a method Write([]byte) (int, error).
func HasWrite(t types.Type) bool {
	fn := method(t, "Write")
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 1 && sig.Results().Len() == 2 && IsError(sig.Results().At(1).Type())
}

// HasMethod reports whether t (or *t) has a method named name, its own
// or promoted.
func HasMethod(t types.Type, name string) bool { return method(t, name) != nil }

// HasRead reports whether t has a Read method: a connection, file or
// pipe end rather than a pure writer.
func HasRead(t types.Type) bool { return method(t, "Read") != nil }

// HasErrorMethod reports whether t has a method name() error.
func HasErrorMethod(t types.Type, name string) bool {
	fn := method(t, name)
	if fn == nil || !returnsOnlyError(fn) {
		return false
	}
	return fn.Type().(*types.Signature).Params().Len() == 0
}

// IsWriterParam reports whether t is an interface that a constructor
// takes to wrap a destination: it has Write and no Read (io.Writer,
// io.WriteCloser), unlike net.Conn or io.ReadWriter.
func IsWriterParam(t types.Type) bool {
	return types.IsInterface(t) && HasWrite(t) && !HasRead(t)
}

// IsHashLike reports whether t has the methods of hash.Hash, so that
// third-party hashes (xxhash.Digest) count as infallible sinks.
func IsHashLike(t types.Type) bool {
	for _, name := range [...]string{"Write", "Sum", "Reset", "Size", "BlockSize"} {
		if method(t, name) == nil {
			return false
		}
	}
	return true
}

// StaticTraits returns what the static type t alone says of a writer.
// Package.StaticTraits says the same, memoized.
func StaticTraits(t types.Type) (Trait, string) {
	return staticTraits(t, WrapperType)
}

// staticTraits is StaticTraits with the wrapper test given, so that a
// Package can answer it from the constructors it has already found.
func staticTraits(t types.Type, isWrapper func(types.Type) bool) (Trait, string) {
	if r := TypeRow(t); r != nil {
		return r.Traits, r.Lost
	}
	if t == nil {
		return 0, ""
	}
	if IsHashLike(t) || writeFromInfallible(t) {
		return Infallible, ""
	}
	var sticky Trait
	if stickyByEmbedding(t) {
		sticky = Sticky
	}
	if isWrapper(t) {
		return Buffered | Finalizing | sticky, "data held by the writer"
	}
	if HasWrite(t) && HasErrorMethod(t, "Flush") {
		return Buffered | sticky, "buffered bytes" // structure: a buffered writer
	}
	if r := promotedRow(t, "Close"); r != nil && r.Traits.Has(Conn) && !HasMethod(t, "Flush") {
		return Conn, r.Lost // struct{ *quic.SendStream }: its Close is the connection's
	}
	return 0, ""
}

// stickyByEmbedding reports whether t's Write and Flush are promoted
// from one embedded sticky writer of the table (net/http/fcgi's bufWriter
// embeds *bufio.Writer): it keeps that writer's first error.
func stickyByEmbedding(t types.Type) bool {
	w := promotedRow(t, "Write")
	if w == nil || !w.Traits.Has(Sticky) {
		return false
	}
	return !HasErrorMethod(t, "Flush") || promotedRow(t, "Flush") == w
}

// promotedRow returns the table row of the embedded type that t's method
// name is promoted from, or nil.
func promotedRow(t types.Type, name string) *Row {
	fn := method(t, name)
	if fn == nil {
		return nil
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil || named(recv.Type()) == named(t) {
		return nil // declared on t itself
	}
	return TypeRow(recv.Type())
}

// WrapperType reports whether t is a named type built from an io.Writer
// by a constructor of its own package, and has Close() error or Flush()
// error: a wrapping writer that must be finished (zstd.Encoder,
// snappy.Writer, lz4.Writer, pgzip.Writer).
func WrapperType(t types.Type) bool {
	n, ok := wrapperCandidate(t)
	return ok && wrappedTypes(n.Obj().Pkg())[n]
}

// wrapperCandidate returns the named type of t when t has the shape of
// a wrapping writer: a concrete named type with Close() error or Flush()
// error and no Read.
func wrapperCandidate(t types.Type) (*types.Named, bool) {
	n := named(t)
	if n == nil || n.Obj().Pkg() == nil || types.IsInterface(n) {
		return nil, false
	}
	if !HasErrorMethod(t, "Close") && !HasErrorMethod(t, "Flush") {
		return nil, false
	}
	if HasRead(t) {
		return nil, false // a connection or file, not a wrapper
	}
	return n, true
}

// wrappedTypes returns the named types that the exported wrapping
// constructors of pkg return.
func wrappedTypes(pkg *types.Package) map[*types.Named]bool {
	set := make(map[*types.Named]bool)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		fn, ok := scope.Lookup(name).(*types.Func)
		if !ok || !fn.Exported() || !IsWrappingConstructor(fn) {
			continue // not an exported constructor over a writer
		}
		if n := named(firstResult(fn)); n != nil {
			set[n] = true
		}
	}
	return set
}

// IsWrappingConstructor reports whether fn takes a writer to wrap
// (a parameter of io.Writer-like interface type) and returns a value with
// Close() error or Flush() error.
func IsWrappingConstructor(fn *types.Func) bool {
	if fn == nil || isMethod(fn) {
		return false
	}
	res := firstResult(fn)
	if res == nil || HasRead(res) {
		return false
	}
	if !HasErrorMethod(res, "Close") && !HasErrorMethod(res, "Flush") {
		return false
	}
	return WriterParam(fn) >= 0
}

// WriterParam returns the index of fn's first parameter of io.Writer-like
// interface type, or -1.
func WriterParam(fn *types.Func) int {
	params := fn.Type().(*types.Signature).Params()
	for i := range params.Len() {
		if IsWriterParam(params.At(i).Type()) {
			return i
		}
	}
	return -1
}

func firstResult(fn *types.Func) types.Type {
	res := fn.Type().(*types.Signature).Results()
	if res.Len() == 0 {
		return nil
	}
	return res.At(0).Type()
}

// writeFromInfallible reports whether t's Write method is promoted from
// an embedded infallible sink (struct{ bytes.Buffer; ... }).
func writeFromInfallible(t types.Type) bool {
	fn := method(t, "Write")
	if fn == nil {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil || types.IsInterface(recv.Type()) {
		return false
	}
	r := TypeRow(recv.Type())
	return r != nil && r.Traits.Has(Infallible)
}
