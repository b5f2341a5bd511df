package main

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixFinding is a finding on line 3 of file, which starts at offset 11,
// whose one fix replaces [start, end) of file.
func fixFinding(file string, start, end int, text string) finding {
	posn := token.Position{Filename: file, Offset: start, Line: 3, Column: start - 10}
	e := textEdit{File: file, Start: start, End: end, New: text, StartPosn: posn, EndPosn: posn}
	return finding{Check: "discard", Posn: posn, End: posn, Message: "m", Fixes: []suggestedFix{{Edits: []textEdit{e}}}}
}

func TestApplyFixes(t *testing.T) {
	mod := t.TempDir()
	good, clash := filepath.Join(mod, "good.go"), filepath.Join(mod, "clash.go")
	outside := filepath.Join(t.TempDir(), "outside.go")
	for _, f := range []string{good, clash, outside} {
		if err := os.WriteFile(f, []byte("package p\n\nvar x = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := filepath.EvalSymlinks(mod)
	if err != nil {
		t.Fatal(err)
	}
	findings := []finding{
		fixFinding(good, 19, 20, "2"),
		fixFinding(clash, 15, 20, "y = 3"),
		fixFinding(clash, 19, 20, "4"),
		fixFinding(outside, 19, 20, "5"),
		{Check: "discard", Message: "no fix"},
	}
	var stdout strings.Builder
	env := &environment{stdout: &stdout, stderr: &stdout, cwd: mod}
	res := env.applyFixes(findings, []string{root}, nil, false)

	if got := readFile(t, good); got != "package p\n\nvar x = 2\n" {
		t.Errorf("good.go: %q", got)
	}
	for _, f := range []string{clash, outside} {
		if got := readFile(t, f); got != "package p\n\nvar x = 1\n" {
			t.Errorf("%s changed: %q", f, got)
		}
	}
	problems := strings.Join(res.problems, "\n")
	if !strings.Contains(problems, "clash.go: conflicting fixes: the fix of discard at clash.go:3:5 and the fix of discard at clash.go:3:9") ||
		!strings.Contains(problems, "outside.go: refusing to write outside the module root") || len(res.problems) != 2 {
		t.Errorf("problems:\n%s", problems)
	}
	if left := unfixed(findings, res.failed); len(left) != 4 || left[0].Posn.Filename != clash {
		t.Errorf("unfixed: %+v", left)
	}
	assertOnlyFiles(t, mod, "clash.go", "good.go")
}

func TestApplyFixesDiffWritesNothing(t *testing.T) {
	mod := t.TempDir()
	file := filepath.Join(mod, "a.go")
	if err := os.WriteFile(file, []byte("package p\n\nvar x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := filepath.EvalSymlinks(mod)
	if err != nil {
		t.Fatal(err)
	}
	var stdout strings.Builder
	env := &environment{stdout: &stdout, stderr: &stdout, cwd: mod}
	res := env.applyFixes([]finding{fixFinding(file, 19, 20, "2")}, []string{root}, nil, true)
	want := "--- a/a.go\n+++ b/a.go\n@@ -1,3 +1,3 @@\n package p\n \n-var x = 1\n+var x = 2\n"
	if len(res.problems) != 0 || stdout.String() != want {
		t.Errorf("diff %q, problems %q; want diff %q", stdout.String(), res.problems, want)
	}
	if got := readFile(t, file); got != "package p\n\nvar x = 1\n" {
		t.Errorf("-diff changed the file: %q", got)
	}
}
