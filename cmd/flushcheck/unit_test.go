package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestUTF16Column(t *testing.T) {
	src := []byte("ascii\n\tx := \"é😀\"; y\n\xff z\nlast")
	tests := []struct {
		line, col, want int
	}{
		{1, 1, 1},
		{1, 4, 4},
		{2, 8, 8},   // before any non-ASCII byte
		{2, 15, 12}, // after é (2 bytes, 1 unit) and 😀 (4 bytes, 2 units)
		{3, 3, 3},   // an invalid byte counts as one unit
		{4, 5, 5},   // last line without a newline, column at its end
		{5, 1, 1},   // no such line: unchanged
		{1, 99, 99}, // past the end of the file: unchanged
		{0, 3, 3},   // no line: unchanged
		{2, 1000, 1000},
	}
	for _, tt := range tests {
		if got := utf16Column(src, tt.line, tt.col); got != tt.want {
			t.Errorf("utf16Column(line %d, col %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

func fakeAnalyzers(names ...string) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, n := range names {
		out = append(out, &analysis.Analyzer{Name: n, Doc: n + ": test"})
	}
	return out
}

func names(as []*analysis.Analyzer) string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return strings.Join(out, ",")
}

func TestSelectAnalyzers(t *testing.T) {
	all := fakeAnalyzers("a", "b", "c")
	tests := []struct {
		checks  string
		toggles map[string]*toggle
		want    string // selected names, or "error"
	}{
		{"all", nil, "a,b,c"},
		{"b", nil, "b"},
		{"c,a", nil, "a,c"},
		{"all,-b", nil, "a,c"},
		{"-b", nil, "a,c"},
		{"-b,-c", nil, "a"},
		{"a,b,-a", nil, "b"},
		{" a , b ,", nil, "a,b"},
		{"-all,b", nil, "b"},
		{"nope", nil, "error"},
		{"all,-nope", nil, "error"},
		{"", nil, "error"},
		{"all,-all", nil, "error"},
		{"all", map[string]*toggle{"b": {set: true, on: false}}, "a,c"},
		{"all", map[string]*toggle{"b": {set: true, on: true}}, "b"},
		{"all", map[string]*toggle{"a": {set: true, on: true}, "c": {set: true, on: false}}, "a"},
		{"-a", map[string]*toggle{"a": {set: true, on: true}}, "error"},
		{"all", map[string]*toggle{"a": {}, "b": {}}, "a,b,c"},
	}
	for _, tt := range tests {
		got, err := selectAnalyzers(all, tt.checks, tt.toggles)
		gotStr := names(got)
		if err != nil {
			gotStr = "error"
			if !errors.Is(err, errUsage) {
				t.Errorf("checks %q: error %v is not a usage error", tt.checks, err)
			}
		}
		if gotStr != tt.want {
			t.Errorf("checks %q toggles %v: got %s, want %s", tt.checks, tt.toggles, gotStr, tt.want)
		}
	}
}

func TestParseOptions(t *testing.T) {
	all := fakeAnalyzers("a")
	o, err := parseOptions([]string{"-f", "json", "-a=false", "-tags", "x,y", "-test=false", "./..."}, all)
	if err != nil {
		t.Fatal(err)
	}
	if o.format != "json" || o.toggles["a"].on || !o.toggles["a"].set || o.tags != "x,y" || o.tests || !slices.Equal(o.patterns, []string{"./..."}) {
		t.Errorf("parsed %+v", o)
	}
	for _, args := range [][]string{
		{"-nosuchflag", "./..."},
		{"-f", "xml", "./..."},
		{"./...", "-f", "json"}, // a flag after the packages
		{},                      // no packages
		{"-diff", "-f", "sarif", "./..."},
	} {
		if _, err := parseOptions(args, all); !errors.Is(err, errUsage) {
			t.Errorf("parseOptions(%q) = %v, want a usage error", args, err)
		}
	}
}

func TestIsUnitcheckerCall(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-V"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-json", "-discard=false", "/tmp/b001/vet.cfg"}, true},
		{[]string{"vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-f", "json", "./..."}, false},
		{[]string{"pkg", "x.cfg"}, false},
		{[]string{"x.cfg", "-json"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := isUnitcheckerCall(tt.args); got != tt.want {
			t.Errorf("isUnitcheckerCall(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

func edit(start, end int, text string, owner int) fileEdit {
	return fileEdit{textEdit: textEdit{File: "f.go", Start: start, End: end, New: text}, owner: owner}
}

func TestMergeEdits(t *testing.T) {
	// Out of order, one repeated by a second finding, one insertion next to a replacement.
	merged, err := mergeEdits([]fileEdit{edit(10, 12, "X", 0), edit(0, 2, "A", 1), edit(10, 12, "X", 2), edit(12, 12, "I", 3)})
	if err != nil {
		t.Fatal(err)
	}
	out, err := applyEdits([]byte("0123456789abcdef"), merged)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "A23456789XIcdef" {
		t.Errorf("applied: %q", out)
	}

	conflicts := [][]fileEdit{
		{edit(0, 5, "A", 0), edit(3, 8, "B", 1)}, // overlap
		{edit(4, 4, "A", 0), edit(4, 4, "B", 1)}, // two insertions at one place
		{edit(2, 6, "A", 0), edit(2, 6, "B", 1)}, // one span replaced two ways
		{edit(0, 9, "", 0), edit(3, 4, "B", 1)},  // one edit inside another
		{edit(20, 30, "", 0), edit(1, 2, "", 2), edit(25, 25, "x", 1)},
	}
	for _, edits := range conflicts {
		_, err := mergeEdits(edits)
		var c *editConflict
		if !errors.As(err, &c) {
			t.Errorf("mergeEdits(%v): no conflict", edits)
			continue
		}
		if c.a.owner == c.b.owner {
			t.Errorf("mergeEdits(%v): conflict names one fix twice: %v", edits, c)
		}
	}
}

func TestApplyEditsOutOfRange(t *testing.T) {
	if _, err := applyEdits([]byte("short"), []fileEdit{edit(3, 10, "x", 0)}); err == nil {
		t.Error("edit past the end of the file applied")
	}
}

func TestUnfixed(t *testing.T) {
	withFix := func(file string) finding {
		return finding{Fixes: []suggestedFix{{Edits: []textEdit{{File: file}}}}}
	}
	fs := []finding{withFix("ok.go"), withFix("bad.go"), {Message: "no fix"}}
	got := unfixed(fs, map[string]bool{"bad.go": true})
	if len(got) != 2 || got[0].Fixes[0].Edits[0].File != "bad.go" || got[1].Message != "no fix" {
		t.Errorf("unfixed = %+v", got)
	}
}

func TestUnifiedDiff(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
	after := "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\nl\nm\nn"
	want := `--- a/x.go
+++ b/x.go
@@ -2,7 +2,7 @@
 b
 c
 d
-e
+E
 f
 g
 h
@@ -11,3 +11,4 @@
 k
 l
 m
+n
\ No newline at end of file
`
	if got := unifiedDiff("x.go", []byte(before), []byte(after)); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if got := unifiedDiff("x.go", []byte(before), []byte(before)); got != "" {
		t.Errorf("diff of equal files: %q", got)
	}
}

func TestUnifiedDiffJoinsCloseChanges(t *testing.T) {
	got := unifiedDiff("x", []byte("1\n2\n3\n4\n5\n"), []byte("one\n2\n3\n4\nfive\nsix\n"))
	want := "--- a/x\n+++ b/x\n@@ -1,5 +1,6 @@\n-1\n+one\n 2\n 3\n 4\n-5\n+five\n+six\n"
	if got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	got = unifiedDiff("x", []byte(""), []byte("new\n"))
	if want := "--- a/x\n+++ b/x\n@@ -0,0 +1,1 @@\n+new\n"; got != want {
		t.Errorf("diff from empty:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.go")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := replaceFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "new" || info.Mode().Perm() != 0o640 {
		t.Errorf("after replaceFile: %q, mode %v", data, info.Mode())
	}
	assertOnlyFiles(t, dir, "f.go")
}

func TestWriteAtomicFailureLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	// A non-empty directory cannot be renamed over: the last step fails.
	target := filepath.Join(dir, "target")
	if err := os.MkdirAll(filepath.Join(target, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(target, []byte("data"), 0o644); err == nil {
		t.Fatal("writeAtomic over a directory succeeded")
	}
	assertOnlyFiles(t, dir, "target")
	if err := replaceFile(target, []byte("data")); err == nil {
		t.Fatal("replaceFile of a directory succeeded")
	}
	assertOnlyFiles(t, dir, "target")
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("files in %s: %q, want %q", dir, got, want)
	}
}

func TestDisplayPath(t *testing.T) {
	tests := []struct{ cwd, path, want string }{
		{"/a/b", "/a/b/c.go", "c.go"},
		{"/a/b", "/a/b/d/c.go", "d/c.go"},
		{"/a/b", "/a/bc/c.go", "/a/bc/c.go"},
		{"/a/b", "/a/c.go", "/a/c.go"},
		{"/a/b", "/a/b", "."},
		{"/", "/x.go", "x.go"},
	}
	for _, tt := range tests {
		if got := displayPath(tt.cwd, tt.path); got != tt.want {
			t.Errorf("displayPath(%q, %q) = %q, want %q", tt.cwd, tt.path, got, tt.want)
		}
	}
}

func TestWritableTarget(t *testing.T) {
	mod := t.TempDir()
	outside := t.TempDir()
	in := filepath.Join(mod, "in.go")
	out := filepath.Join(outside, "out.go")
	for _, f := range []string{in, out} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(mod, "link.go")
	if err := os.Symlink(out, link); err != nil {
		t.Fatal(err)
	}
	root, err := filepath.EvalSymlinks(mod)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writableTarget(in, []string{root}); err != nil {
		t.Errorf("file inside the module: %v", err)
	}
	for _, f := range []string{out, link} {
		if _, err := writableTarget(f, []string{root}); err == nil {
			t.Errorf("%s: allowed to write outside the module", f)
		}
	}
}

func TestRepoRoot(t *testing.T) {
	top := t.TempDir()
	sub := filepath.Join(top, "mod", "pkg")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, "mod", "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := repoRoot(sub); got != filepath.Join(top, "mod") && !isInsideGit(top) {
		t.Errorf("without .git: repoRoot = %s, want the module root", got)
	}
	if err := os.Mkdir(filepath.Join(top, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := repoRoot(sub); got != top {
		t.Errorf("with .git: repoRoot = %s, want %s", got, top)
	}
}

// isInsideGit reports whether dir is inside a git work tree already
// (a temporary directory could be), where the module is not the root.
func isInsideGit(dir string) bool {
	for d := dir; filepath.Dir(d) != d; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return true
		}
	}
	return false
}

func TestOneLine(t *testing.T) {
	got := oneLine("no required module provides package x; to add it:\n\tgo get x\n")
	if want := "no required module provides package x; to add it: go get x"; got != want {
		t.Errorf("oneLine = %q, want %q", got, want)
	}
	if got := oneLine("first\nsecond"); got != "first; second" {
		t.Errorf("oneLine = %q", got)
	}
}

func TestRelativePos(t *testing.T) {
	if got := relativePos("/m/p/a.go:3:4", "/m"); got != "p/a.go:3:4: " {
		t.Errorf("relativePos = %q", got)
	}
	if got := relativePos("", "/m"); got != "" {
		t.Errorf("relativePos of no position = %q", got)
	}
}

func TestCleanPattern(t *testing.T) {
	for in, want := range map[string]string{
		"./pkg/":       "./pkg",
		".//pkg":       "./pkg",
		"./":           ".",
		"./a/../b":     "./b",
		"../x/":        "../x",
		"./...":        "./...",
		"std":          "std",
		"example.com/": "example.com/", // not local: the go command keeps it
		"/abs/dir/":    "/abs/dir",
	} {
		if got := cleanPattern(in); got != want {
			t.Errorf("cleanPattern(%q) = %q, want %q", in, got, want)
		}
	}
}
