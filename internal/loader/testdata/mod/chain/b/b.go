// Package b imports c and passes its types on.
package b

import "example.com/mod/chain/c"

// B returns a c.T.
func B() c.T { return c.T{F: c.C(c.K)} }

// Use uses every object of c.
func Use() int { return c.V + B().M() + c.C(0) }
