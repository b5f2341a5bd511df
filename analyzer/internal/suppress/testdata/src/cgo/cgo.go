// Package cgo is a user's file that imports "C": the analyzers see
// cmd/cgo's rewrite of it, marked generated, and must still report.
package cgo

// int add(int a, int b) { return a + b; }
import "C"

func bad() {}

func use() int {
	bad() // want `bad call`
	return int(C.add(1, 2))
}
