// Package missing imports a package that does not exist.
package missing

import "example.com/mod/nosuch"

var _ = nosuch.Y
