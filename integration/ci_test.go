package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestProblemMatcher checks the problem matcher of docs/ci.md against
// the output of go vet and of flushcheck: it matches the line of every
// finding, with its file, line and column, and nothing else.
func TestProblemMatcher(t *testing.T) {
	if testing.Short() {
		t.Skip("builds flushcheck and runs the go command")
	}
	var matcher struct {
		ProblemMatcher []struct {
			Pattern []struct {
				Regexp                      string
				File, Line, Column, Message int
			}
		}
	}
	block := docBlock(t, filepath.Join("..", "docs", "ci.md"), "json", `"problemMatcher"`)
	if err := json.Unmarshal([]byte(block), &matcher); err != nil {
		t.Fatalf("the problem matcher of docs/ci.md: %v", err)
	}
	p := matcher.ProblemMatcher[0].Pattern[0]
	re := regexp.MustCompile(p.Regexp)

	bin := buildFlushcheck(t)
	dir := t.TempDir()
	copyDir(t, filepath.Join("testdata", "sarif"), dir)
	r := run(t, dir, offline, bin, "-f", "json", "./...")
	var findings struct {
		Diagnostics []struct{ Posn, Message string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &findings); err != nil || len(findings.Diagnostics) == 0 {
		t.Fatalf("flushcheck -f json: %v, %d findings; stderr:\n%s", err, len(findings.Diagnostics), r.stderr)
	}
	for _, tool := range []struct {
		name string
		args []string
	}{
		{"go vet", []string{"go", "vet", "-vettool=" + bin, "./..."}},
		{"flushcheck", []string{bin, "./..."}},
	} {
		r := run(t, dir, offline, tool.args[0], tool.args[1:]...)
		if r.code != 1 {
			t.Errorf("%s: exit %d, want 1; stderr:\n%s", tool.name, r.code, r.stderr)
		}
		var got []string
		for _, line := range strings.Split(r.stdout+r.stderr, "\n") {
			m := re.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, m[p.File])); err != nil {
				t.Errorf("%s: the matcher reads file %q from %q", tool.name, m[p.File], line)
			}
			for _, n := range []string{m[p.Line], m[p.Column]} {
				if i, err := strconv.Atoi(n); err != nil || i < 1 {
					t.Errorf("%s: the matcher reads line or column %q from %q", tool.name, n, line)
				}
			}
			got = append(got, m[p.File]+":"+m[p.Line]+":"+m[p.Column])
		}
		if len(got) != len(findings.Diagnostics) {
			t.Errorf("%s: the matcher reads %d findings, want %d:\n%s", tool.name, len(got), len(findings.Diagnostics), r.stdout+r.stderr)
		}
		for _, d := range findings.Diagnostics {
			if !strings.Contains(strings.Join(got, "\n")+"\n", d.Posn+"\n") {
				t.Errorf("%s: the matcher misses the finding at %s", tool.name, d.Posn)
			}
		}
	}
}

// docBlock returns the one fenced block of the Markdown file with the
// info string lang that contains has.
func docBlock(t *testing.T, file, lang, has string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for i, block := range strings.Split(string(data), "```") {
		info, body, _ := strings.Cut(block, "\n")
		if i%2 == 1 && info == lang && strings.Contains(body, has) {
			found = append(found, body)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s has %d %s blocks with %s, want 1", file, len(found), lang, has)
	}
	return found[0]
}
