// Package typeerr has a type error.
package typeerr

var X int = "not an int"

func f() { undefined() }
