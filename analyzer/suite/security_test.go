package suite_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestAnalyzersCannotExecuteOrDial checks, from the import graph, that
// the analyzers reach the world only through their analysis.Pass (the
// syntax and types of the code, and the package's own files through
// Pass.ReadFile): no package of the analyzers imports os, syscall,
// unsafe or io/ioutil, and nothing they depend on, directly or not, can
// start a process, open a network connection, or load a plugin.
func TestAnalyzersCannotExecuteOrDial(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}:{{join .Imports \" \"}}",
		"github.com/flushcheck/flushcheck/analyzer/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbiddenDeps := map[string]bool{"os/exec": true, "net": true, "net/http": true, "net/rpc": true, "plugin": true, "os/signal": true, "runtime/cgo": true}
	forbiddenImports := map[string]bool{"os": true, "syscall": true, "unsafe": true, "io/ioutil": true}
	n := 0
	for line := range strings.Lines(string(out)) {
		pkg, imports, _ := strings.Cut(strings.TrimSpace(line), ":")
		n++
		if forbiddenDeps[pkg] {
			t.Errorf("the analyzers depend on %s", pkg)
		}
		if !strings.HasPrefix(pkg, "github.com/flushcheck/flushcheck/analyzer/") {
			continue
		}
		for imp := range strings.FieldsSeq(imports) {
			if forbiddenImports[imp] {
				t.Errorf("%s imports %s: analyzers read files only through Pass.ReadFile", pkg, imp)
			}
		}
	}
	if n < 20 {
		t.Fatalf("go list listed only %d packages:\n%s", n, out)
	}
}
