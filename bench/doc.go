// Package bench holds flushcheck's benchmarks: bench/run.sh compares the
// command with errcheck and staticcheck (see docs/benchmark.md),
// bench/driver is the load-only floor it measures against, and
// BenchmarkSuite times the analyzers alone on packages loaded once:
//
//	go test ./bench -run '^$' -bench Suite -benchtime 5x [-cpuprofile cpu.out]
//
// bench/corpus is a separate module (its own go.mod) pinning the
// networking modules the script lints; go test ./... at the root does not
// enter it.
package bench
