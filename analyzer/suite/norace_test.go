//go:build !race

package suite_test

// raceEnabled says that the race detector is on: long tests cut their scope.
const raceEnabled = false
