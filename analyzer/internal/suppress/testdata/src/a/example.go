package a

// An Example function outside a _test.go file is not an example.
func ExampleOutside() {
	bad() // want "bad call"
}
