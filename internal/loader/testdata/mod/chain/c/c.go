// Package c declares one object of each kind a fact can be about.
package c

// K is a constant.
const K = 1

// V is a variable.
var V int

// T is a type with a field and a method.
type T struct{ F int }

// M is a method.
func (T) M() int { return K }

// C is a function.
func C(p int) int { return p + V }

func unexported() {}
