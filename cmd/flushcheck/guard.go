package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

var guardOnce sync.Once

// guardAnalyzers makes every analyzer of analyzers, and every analyzer
// they require, turn a panic in its Run into an error: one line naming
// the check, the panic and where it happened, instead of a crash of the
// whole run with a goroutine dump. The analyzers are shared globals;
// only this command's process changes them, once.
func guardAnalyzers(analyzers []*analysis.Analyzer) {
	guardOnce.Do(func() {
		for _, a := range suite.WithRequired(analyzers) {
			a.Run = recovering(a.Name, a.Run)
		}
	})
}

// recovering wraps run so that a panic becomes its error.
func recovering(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if v := recover(); v != nil {
				result = nil
				err = fmt.Errorf("internal error: %s panicked: %s (at %s); please report it", name, oneLine(fmt.Sprint(v)), panicSite())
			}
		}()
		return run(pass)
	}
}

// panicSite returns the file and line where the panic being recovered
// happened: the innermost frame outside the runtime, seen from the
// deferred function that recovers it.
func panicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") && f.Function != "" {
			return shortFile(f.File) + ":" + fmt.Sprint(f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}

// shortFile keeps the last two elements of a source path.
func shortFile(path string) string {
	parts := strings.Split(path, "/")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, "/")
}
