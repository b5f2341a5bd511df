// Package a imports b only, and reaches c's type, field and method
// through it.
package a

import "example.com/mod/chain/b"

// A uses what b passes on.
func A() int { return b.B().F + b.B().M() + b.Use() }
