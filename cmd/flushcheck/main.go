// Command flushcheck finds discarded Flush, Write and Close results and
// writers that are never flushed.
//
// One binary serves every front end. Called by go vet or go fix (with
// -V=full, -flags or a single *.cfg argument) it speaks their unitchecker
// protocol; otherwise it is a standalone checker:
//
//	flushcheck [flags] packages...
//
// Exit status: 0 when nothing was found, 1 when something was found
// (whatever the output format), 2 on bad usage, packages that fail to
// load or type-check, or patterns that match no packages.
package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// Exit statuses of the standalone mode.
const (
	exitClean    = 0
	exitFindings = 1
	exitFailure  = 2
)

func main() {
	args := os.Args[1:]
	if isUnitcheckerCall(args) {
		// go vet and go fix drive the tool one package at a time; the
		// protocol (flags, facts files, JSON, fix archives) is unitchecker's.
		guardAnalyzers(suite.Analyzers())
		unitchecker.Main(suite.Analyzers()...)
		return
	}
	os.Exit(runMain(args, os.Stdout, os.Stderr))
}

// runMain runs the standalone mode and returns its exit status.
func runMain(args []string, stdout, stderr io.Writer) int {
	env := &environment{stdout: stdout, stderr: stderr}
	cwd, err := os.Getwd()
	if err != nil {
		env.problemf("%v", err)
		return exitFailure
	}
	env.cwd = cwd
	return env.run(args)
}

// environment is what the standalone mode talks to: its output streams
// and the directory that relative paths are shown against.
type environment struct {
	stdout, stderr io.Writer
	cwd            string
	beforeFix      func() // tests only: runs between the analysis and -fix
}

// problemf prints one problem line on stderr.
func (env *environment) problemf(format string, args ...any) {
	// A failure to write to stderr has nowhere left to be reported.
	_, _ = fmt.Fprintf(env.stderr, "flushcheck: "+format+"\n", args...)
}

// emit writes s to stdout and returns the exit status: writing the
// output is the whole job, so failing to is a failure (a closed pipe,
// a full disk).
func (env *environment) emit(s string) int {
	if _, err := io.WriteString(env.stdout, s); err != nil {
		env.problemf("cannot write output: %v", err)
		return exitFailure
	}
	return exitClean
}
