package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// schemaFile is the OASIS SARIF 2.1.0 schema; testdata/README.md says
// where it comes from.
const schemaFile = "testdata/sarif-schema-2.1.0.json"

// TestSARIF runs flushcheck -f sarif from a module in a subdirectory of
// a git repository, as in a monorepo, and checks the log against the
// OASIS SARIF 2.1.0 schema and against what GitHub code scanning needs:
// documented rules, results tied to them, and locations relative to
// the repository's root.
func TestSARIF(t *testing.T) {
	if testing.Short() {
		t.Skip("builds flushcheck and runs the go command")
	}
	bin := buildFlushcheck(t)
	schema := compileSchema(t)

	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	mod := filepath.Join(repo, "services", "store")
	copyDir(t, filepath.Join("testdata", "sarif"), mod)

	r := run(t, mod, offline, bin, "-f", "sarif", "./...")
	if r.code != 1 {
		t.Fatalf("flushcheck -f sarif: exit %d, want 1 (findings); stderr:\n%s", r.code, r.stderr)
	}
	validate(t, schema, r.stdout)
	mustNotValidate(t, schema, r.stdout)
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	got := checkCodeScanning(t, log, repo)

	// The same findings as in the JSON output, every check among them.
	r = run(t, mod, offline, bin, "-f", "json", "./...")
	var findings struct {
		Diagnostics []struct{ Check, Posn string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &findings); err != nil {
		t.Fatalf("flushcheck -f json: %v; stderr:\n%s", err, r.stderr)
	}
	var want []string
	checks := make(map[string]bool)
	for _, d := range findings.Diagnostics {
		file, line, _ := strings.Cut(d.Posn, ":")
		line, _, _ = strings.Cut(line, ":")
		want = append(want, fmt.Sprintf("%s services/store/%s:%s", d.Check, file, line))
		checks[d.Check] = true
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("SARIF results:\n\t%s\nJSON findings:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	for _, a := range suite.Analyzers() {
		if !checks[a.Name] {
			t.Errorf("testdata/sarif has no finding of %s", a.Name)
		}
	}

	t.Run("no findings", func(t *testing.T) {
		clean := t.TempDir()
		copyDir(t, filepath.Join("testdata", "precommit", "fixed"), clean)
		if err := os.WriteFile(filepath.Join(clean, "go.mod"), []byte("module example.com/clean\n\ngo 1.26\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := run(t, clean, offline, bin, "-f", "sarif", "./...")
		if r.code != 0 {
			t.Fatalf("flushcheck -f sarif: exit %d, want 0; stderr:\n%s", r.code, r.stderr)
		}
		validate(t, schema, r.stdout)
		var log sarifLog
		if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
			t.Fatal(err)
		}
		if got := checkCodeScanning(t, log, clean); len(got) != 0 {
			t.Errorf("results %s, want none", got)
		}
	})
}

// offline is the environment of flushcheck on the test's modules,
// which have no dependencies.
var offline = []string{"GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off"}

// buildFlushcheck builds the command once for all the tests.
func buildFlushcheck(t *testing.T) string {
	t.Helper()
	bin, err := flushcheckOnce()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

var (
	binDir         string // removed by TestMain
	flushcheckOnce = sync.OnceValues(func() (string, error) {
		bin := filepath.Join(binDir, "flushcheck")
		out, err := exec.Command("go", "build", "-o", bin, "github.com/flushcheck/flushcheck/cmd/flushcheck").CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("go build: %v\n%s", err, out)
		}
		return bin, nil
	})
)

func TestMain(m *testing.M) {
	var err error
	if binDir, err = os.MkdirTemp("", "flushcheck-integration"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	_ = os.RemoveAll(binDir) // a temporary directory
	os.Exit(code)
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // "format": "uri" and the like are checked, not only noted
	if err := c.AddResource(schemaFile, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	return schema
}

// validate checks a SARIF log against the schema.
func validate(t *testing.T, schema *jsonschema.Schema, log string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
	if err != nil {
		t.Fatalf("the SARIF log is not JSON: %v\n%s", err, log)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("the SARIF log does not match the SARIF 2.1.0 schema: %v", err)
	}
}

// mustNotValidate checks that the schema rejects a log spoilt in two
// ways, so that a validator that accepts anything cannot pass for one.
func mustNotValidate(t *testing.T, schema *jsonschema.Schema, log string) {
	t.Helper()
	for _, spoil := range []struct {
		name string
		f    func(result map[string]any)
	}{
		{"a result without a message", func(r map[string]any) { delete(r, "message") }},
		{"line 0", func(r map[string]any) {
			loc := r["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
			loc["region"].(map[string]any)["startLine"] = json.Number("0")
		}},
	} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
		if err != nil {
			t.Fatal(err)
		}
		spoil.f(doc.(map[string]any)["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any))
		if schema.Validate(doc) == nil {
			t.Errorf("the schema accepts a SARIF log with %s", spoil.name)
		}
	}
}

// The parts of a SARIF log that GitHub code scanning reads.
type (
	sarifLog struct {
		Version string
		Runs    []sarifRun
	}
	sarifRun struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []sarifRule
			}
		}
		Results            []sarifResult
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
	}
	sarifRule struct {
		ID                                string
		ShortDescription, FullDescription struct{ Text string }
		Help                              struct{ Text, Markdown string }
		HelpURI                           string `json:"helpUri"`
		DefaultConfiguration              struct{ Level string }
	}
	sarifResult struct {
		RuleID           string
		RuleIndex        *int
		Level            string
		Message          struct{ Text string }
		Locations        []sarifLocation
		RelatedLocations []sarifLocation
	}
	sarifLocation struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string
				URIBaseID string `json:"uriBaseId"`
			}
			Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
		}
	}
)

// checkCodeScanning checks what GitHub code scanning needs of a log of
// a run in the git repository root, and returns its results as
// "RULE PATH:LINE", sorted.
func checkCodeScanning(t *testing.T, log sarifLog, root string) []string {
	t.Helper()
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q with %d runs, want 2.1.0 with one run", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "flushcheck" {
		t.Errorf("tool.driver.name %q", run.Tool.Driver.Name)
	}
	// Every check is a documented rule, so that an alert can show its help.
	rules := make(map[string]int)
	for i, rule := range run.Tool.Driver.Rules {
		if _, dup := rules[rule.ID]; dup || rule.ID == "" {
			t.Errorf("rule %d: id %q is empty or not unique", i, rule.ID)
		}
		rules[rule.ID] = i
		u, err := url.Parse(rule.HelpURI)
		if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || rule.Help.Text == "" || rule.Help.Markdown == "" ||
			err != nil || u.Scheme != "https" || !slices.Contains([]string{"note", "warning", "error"}, rule.DefaultConfiguration.Level) {
			t.Errorf("rule %s is not documented in full: %+v", rule.ID, rule)
		}
	}
	for _, a := range suite.Analyzers() {
		if _, ok := rules[a.Name]; !ok {
			t.Errorf("no rule for the check %s", a.Name)
		}
	}
	var got []string
	for _, res := range run.Results {
		i, ok := rules[res.RuleID]
		if !ok || res.RuleIndex == nil || *res.RuleIndex != i {
			t.Errorf("result of rule %q (index %v) is not tied to a rule", res.RuleID, res.RuleIndex)
		}
		if res.Message.Text == "" || !slices.Contains([]string{"note", "warning", "error"}, res.Level) {
			t.Errorf("result %+v: no message or no level", res)
		}
		if len(res.Locations) != 1 {
			t.Errorf("result %q has %d locations, want 1", res.Message.Text, len(res.Locations))
			continue
		}
		for _, loc := range append(res.Locations, res.RelatedLocations...) {
			checkLocation(t, run, loc, root)
		}
		pl := res.Locations[0].PhysicalLocation
		got = append(got, fmt.Sprintf("%s %s:%d", res.RuleID, pl.ArtifactLocation.URI, pl.Region.StartLine))
	}
	slices.Sort(got)
	return got
}

// checkLocation checks that a location names a file of the repository
// by a path relative to its root, with a region of 1-based lines and
// columns.
func checkLocation(t *testing.T, run sarifRun, loc sarifLocation, root string) {
	t.Helper()
	al, region := loc.PhysicalLocation.ArtifactLocation, loc.PhysicalLocation.Region
	u, err := url.Parse(al.URI)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(al.URI, "/") || path.Clean(al.URI) != al.URI || strings.HasPrefix(al.URI, "..") {
		t.Errorf("uri %q is not a clean path relative to the repository root", al.URI)
		return
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(u.Path))); err != nil {
		t.Errorf("uri %q does not name a file of the repository: %v", al.URI, err)
	}
	// %SRCROOT% must be the repository's root itself.
	base, ok := run.OriginalURIBaseIDs[al.URIBaseID]
	if al.URIBaseID != "%SRCROOT%" || !ok {
		t.Errorf("uriBaseId %q, want %%SRCROOT%% defined in originalUriBaseIds", al.URIBaseID)
	} else if bu, err := url.Parse(base.URI); err != nil || bu.Scheme != "file" || !sameFile(filepath.FromSlash(bu.Path), root) {
		t.Errorf("%%SRCROOT%% is %q, want the repository root %s", base.URI, root)
	}
	if region.StartLine < 1 || region.StartColumn < 1 || region.EndLine < region.StartLine ||
		region.EndLine == region.StartLine && region.EndColumn < region.StartColumn {
		t.Errorf("%s: region %+v", al.URI, region)
	}
}

func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// run runs a command in dir with env added to the environment.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil && cmd.ProcessState == nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

type result struct {
	stdout, stderr string
	code           int
}
