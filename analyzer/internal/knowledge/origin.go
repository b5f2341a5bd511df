package knowledge

import "go/ast"

// Origin returns the one value the function assigns to the local
// variable e: the type assertion in tc := conn.(*net.TCPConn), the method
// value in stop := conn.Close, the constructor call in bw :=
// bufio.NewWriter(conn). It returns nil when e is not a local variable,
// is a parameter, is assigned more than once, or its value is one result
// of a call returning several (beyond the first).
func (r *Resolver) Origin(e ast.Expr) ast.Expr {
	v := localVar(r.info, e)
	if v == nil {
		return nil
	}
	srcs := r.assigns[v]
	if len(srcs) != 1 {
		return nil
	}
	return srcs[0]
}
