package a

// Examples are test code: go test compares what they print.

func Example() {
	// ok: an example
	bad()
}

func ExampleConformance() {
	// ok: an example of a function
	bad()
}

func Example_second() {
	// ok: an example with a suffix
	bad()
}

func Examplestyle() {
	bad() // want "bad call"
}

func ExampleWithArg(n int) {
	bad() // want "bad call"
}

func ExampleWithResult() int {
	bad() // want "bad call"
	return 0
}
