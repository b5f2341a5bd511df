package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// The integration tests build the command and drive it the ways users
// do, on throwaway modules copied from testdata: buggy (two findings
// with fixes), clean (none) and mixed (a finding, and a package that
// does not type-check).

// flushLine is the line of the buggy module where a Flush error is
// discarded after non-ASCII text, and flushCall the call it reports.
const (
	flushLine = `	println("naïve, 世界 😀"); _ = bw.Flush()`
	flushCall = "bw.Flush()"
)

// TestCommand builds the command once and drives it in subtests.
func TestCommand(t *testing.T) {
	bin := buildCommand(t)
	for name, test := range map[string]func(*testing.T, string){
		"GoVet":                            testGoVet,
		"GoFixAndFixAgree":                 testGoFixAndFixAgree,
		"JSON":                             testJSON,
		"SARIF":                            testSARIF,
		"ExitStatus":                       testExitStatus,
		"TypeErrorsDoNotStopOtherPackages": testTypeErrorsDoNotStopOtherPackages,
		"Explain":                          testExplain,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			test(t, bin)
		})
	}
}

func buildCommand(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command and runs the go command")
	}
	bin := filepath.Join(t.TempDir(), "flushcheck")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// copyModule copies testdata/name into a new temporary directory.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs a command in dir, offline and outside any workspace: the
// throwaway modules have no dependencies.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func testGoVet(t *testing.T, bin string) {
	dir := copyModule(t, "buggy")
	r := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if r.code == 0 || !strings.Contains(r.stderr, "error from (*bufio.Writer).Flush") {
		t.Errorf("go vet on buggy: exit %d, want the Flush finding; stderr:\n%s", r.code, r.stderr)
	}
	r = run(t, dir, "go", "vet", "-vettool="+bin, "-discard=false", "./...")
	if r.code != 0 {
		t.Errorf("go vet -discard=false: exit %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
}

func testGoFixAndFixAgree(t *testing.T, bin string) {
	byGo, byUs := copyModule(t, "buggy"), copyModule(t, "buggy")
	if r := run(t, byGo, "go", "fix", "-fixtool="+bin, "./..."); r.code != 0 {
		t.Fatalf("go fix: exit %d; stderr:\n%s", r.code, r.stderr)
	}
	fixed := readFile(t, filepath.Join(byGo, "main.go"))
	for _, want := range []string{"if err := bw.Flush(); err != nil {\n\t\treturn err\n\t}", "defer func() {"} {
		if !strings.Contains(fixed, want) {
			t.Errorf("go fix left no %q in:\n%s", want, fixed)
		}
	}
	for _, gone := range []string{"_ = bw.Flush()", "\tdefer f.Close()\n"} {
		if strings.Contains(fixed, gone) {
			t.Errorf("go fix left %q in:\n%s", gone, fixed)
		}
	}
	if r := run(t, byGo, "go", "vet", "-vettool="+bin, "./..."); r.code != 0 {
		t.Errorf("go vet after go fix: exit %d; stderr:\n%s", r.code, r.stderr)
	}

	// The standalone -diff shows the change without making it; -fix makes it.
	before := readFile(t, filepath.Join(byUs, "main.go"))
	r := run(t, byUs, bin, "-diff", "./...")
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, "--- a/main.go\n+++ b/main.go\n") || !strings.Contains(r.stdout, "+\tif err := bw.Flush(); err != nil {\n") {
		t.Errorf("-diff: exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if readFile(t, filepath.Join(byUs, "main.go")) != before {
		t.Error("-diff changed main.go")
	}
	if r := run(t, byUs, bin, "-fix", "./..."); r.code != exitClean || r.stdout != "" {
		t.Errorf("-fix: exit %d, want 0 with every finding fixed; stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if got := readFile(t, filepath.Join(byUs, "main.go")); got != fixed {
		t.Errorf("-fix and go fix disagree; -fix made:\n%s\ngo fix made:\n%s", got, fixed)
	}
	assertOnlyFiles(t, byUs, "go.mod", "main.go")
}

// jsonOutput is the part of the -f json output the tests read.
type jsonOutput struct {
	Diagnostics []struct {
		Check, Posn, End, Message string
		SuggestedFixes            []struct {
			Message string
			Edits   []struct {
				Filename   string
				Start, End int
				New        string
			}
		} `json:"suggested_fixes"`
	}
}

// flushPosition returns the 1-based line of flushLine in src, and the
// byte and UTF-16 columns of its call.
func flushPosition(t *testing.T, src string) (line, byteCol, utf16Col int) {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if l == flushLine {
			prefix, _, _ := strings.Cut(l, flushCall)
			return i + 1, len(prefix) + 1, len(utf16.Encode([]rune(prefix))) + 1
		}
	}
	t.Fatalf("no line %q in the buggy module", flushLine)
	return
}

func testJSON(t *testing.T, bin string) {
	dir := copyModule(t, "buggy")
	r := run(t, dir, bin, "-f", "json", "./...")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	var out jsonOutput
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v in:\n%s", err, r.stdout)
	}
	line, byteCol, _ := flushPosition(t, readFile(t, filepath.Join(dir, "main.go")))
	want := "main.go:" + strconv.Itoa(line) + ":" + strconv.Itoa(byteCol)
	for _, d := range out.Diagnostics {
		if d.Posn != want {
			continue
		}
		if d.Check != "discard" || !strings.HasPrefix(d.Message, "error from (*bufio.Writer).Flush") || len(d.SuggestedFixes) == 0 || len(d.SuggestedFixes[0].Edits) == 0 {
			t.Errorf("finding at %s: %+v", want, d)
		}
		return
	}
	t.Errorf("no finding at %s in:\n%s", want, r.stdout)
}

// sarifOutput is the part of a SARIF log the tests read.
type sarifOutput struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID                                string
					ShortDescription, FullDescription struct{ Text string }
					Help                              struct{ Text, Markdown string }
					HelpURI                           string
				}
			}
		}
		ColumnKind         string
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string
						URIBaseID string `json:"uriBaseId"`
					}
					Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
		}
	}
}

func testSARIF(t *testing.T, bin string) {
	dir := copyModule(t, "buggy")
	r := run(t, dir, bin, "-f", "sarif", "./...")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	var log sarifOutput
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("%v, %d runs in:\n%s", err, len(log.Runs), r.stdout)
	}
	sr := log.Runs[0]
	if sr.Tool.Driver.Name != "flushcheck" || sr.ColumnKind != "utf16CodeUnits" {
		t.Errorf("driver %q, columnKind %q", sr.Tool.Driver.Name, sr.ColumnKind)
	}
	checkSARIFRules(t, sr.Tool.Driver.Rules)

	line, byteCol, utf16Col := flushPosition(t, readFile(t, filepath.Join(dir, "main.go")))
	if byteCol == utf16Col {
		t.Fatal("the fixture has no non-ASCII text before the finding")
	}
	for _, res := range sr.Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.Region.StartLine != line || res.RuleID != "discard" {
			continue
		}
		if loc.Region.StartColumn != utf16Col || loc.Region.EndColumn != utf16Col+len(flushCall) {
			t.Errorf("region %+v, want columns %d-%d in UTF-16 code units", loc.Region, utf16Col, utf16Col+len(flushCall))
		}
		if res.Level != "warning" || sr.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID || !strings.HasPrefix(res.Message.Text, "error from (*bufio.Writer).Flush") {
			t.Errorf("result %+v", res)
		}
		base := sr.OriginalURIBaseIDs[loc.ArtifactLocation.URIBaseID].URI
		checkArtifact(t, base, loc.ArtifactLocation.URI, filepath.Join(dir, "main.go"))
		return
	}
	t.Errorf("no discard result on line %d in:\n%s", line, r.stdout)
}

// checkSARIFRules checks that there is one rule per check, documented.
func checkSARIFRules(t *testing.T, rules []struct {
	ID                                string
	ShortDescription, FullDescription struct{ Text string }
	Help                              struct{ Text, Markdown string }
	HelpURI                           string
}) {
	t.Helper()
	analyzers := suite.Analyzers()
	if len(rules) != len(analyzers) {
		t.Fatalf("%d rules for %d checks", len(rules), len(analyzers))
	}
	for i, a := range analyzers {
		rule := rules[i]
		doc := suite.Documentation(a)
		if rule.ID != a.Name || rule.ShortDescription.Text != doc.Title || rule.Help.Text != doc.Format(false) ||
			rule.Help.Markdown == "" || rule.FullDescription.Text == "" || rule.HelpURI != a.URL {
			t.Errorf("rule %d: %+v", i, rule)
		}
	}
}

// checkArtifact checks that uri is relative to base (a file URI of a
// directory) and that together they name file.
func checkArtifact(t *testing.T, base, uri, file string) {
	t.Helper()
	if !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("%%SRCROOT%% is %q, want a file URI ending in /", base)
	}
	u, err := url.Parse(base + uri)
	if err != nil || strings.Contains(uri, ":") || strings.HasPrefix(uri, "/") {
		t.Fatalf("uri %q is not relative to %q (%v)", uri, base, err)
	}
	got, err1 := filepath.EvalSymlinks(filepath.FromSlash(u.Path))
	want, err2 := filepath.EvalSymlinks(file)
	if err1 != nil || err2 != nil || got != want {
		t.Errorf("%s + %s names %s, want %s", base, uri, got, want)
	}
}

func testExitStatus(t *testing.T, bin string) {
	clean, buggy := copyModule(t, "clean"), copyModule(t, "buggy")
	if r := run(t, clean, bin, "./..."); r.code != exitClean || r.stdout != "" || r.stderr != "" {
		t.Errorf("clean module: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, buggy, bin, "./..."); r.code != exitFindings || !strings.Contains(r.stdout, "(discard)\n") {
		t.Errorf("buggy module: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, buggy, bin, "-checks", "all,-discard", "./..."); r.code != exitClean {
		t.Errorf("-checks all,-discard: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	for _, args := range [][]string{
		{"-nosuchflag", "./..."},
		{"-checks", "nosuchcheck", "./..."},
		{"./nothing/..."},
		{"-explain", "nosuchcheck"},
		{},
	} {
		r := run(t, buggy, bin, args...)
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if r.code != exitFailure || len(lines) != 1 || !strings.HasPrefix(lines[0], "flushcheck: ") || r.stdout != "" {
			t.Errorf("%q: exit %d, want %d with one line on stderr; stdout %q, stderr %q", args, r.code, exitFailure, r.stdout, r.stderr)
		}
	}
}

func testTypeErrorsDoNotStopOtherPackages(t *testing.T, bin string) {
	dir := copyModule(t, "mixed")
	r := run(t, dir, bin, "./...")
	if r.code != exitFailure || !strings.Contains(r.stdout, "ok/ok.go:") || !strings.HasPrefix(r.stderr, "flushcheck: example.com/mixed/broken: type error: broken/broken.go:5:") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
		t.Errorf("stack trace on stderr:\n%s", r.stderr)
	}
}

func testExplain(t *testing.T, bin string) {
	for _, a := range suite.Analyzers() {
		r := run(t, ".", bin, "-explain", a.Name)
		if r.code != exitClean || !strings.HasPrefix(r.stdout, a.Name+": "+suite.Documentation(a).Title) {
			t.Errorf("-explain %s: exit %d, stdout %q", a.Name, r.code, r.stdout)
		}
	}
}
