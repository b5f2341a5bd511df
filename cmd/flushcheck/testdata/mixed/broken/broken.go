// Package broken does not type-check.
package broken

// Answer returns a string where it promises an int.
func Answer() int { return "forty-two" }
