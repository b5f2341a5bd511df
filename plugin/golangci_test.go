package plugin_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// golangciVersion is the golangci-lint the docs and the test build.
const golangciVersion = "v2.15.0"

// TestGolangciLint builds a custom golangci-lint with the plugin from
// this checkout, following docs/golangci-lint.md (its .custom-gcl.yml
// with path: and its .golangci.yml), and runs it on
// testdata/golangci: flushcheck's findings appear, //nolint:flushcheck
// silences one, and the std-error-handling preset hides errcheck's
// reports of the same lines but none of flushcheck's.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint with the plugin (a minute or more when not cached)")
	}
	doc := readFile(t, filepath.Join("..", "docs", "golangci-lint.md"))
	gcl := customGolangciLint(t, customConfig(t, doc))
	lintConfig := docSnippet(t, doc, "# .golangci.yml", "")
	const preset, uniq = "    presets:\n      - std-error-handling\n", "  uniq-by-line: false\n"
	for _, part := range []string{preset, uniq} {
		if !strings.Contains(lintConfig, part) {
			t.Fatalf("the .golangci.yml of the docs lost\n%s", part)
		}
	}

	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "golangci"))); err != nil {
		t.Fatal(err)
	}
	want := wantedReports(t, filepath.Join(dir, "fixture.go"))
	cache := t.TempDir() // golangci-lint's cache, shared by the runs below
	for _, tt := range []struct {
		name, config string
		errcheck     bool // whether errcheck's reports are expected
	}{
		{"as documented", lintConfig, false},
		{"without the preset", strings.Replace(lintConfig, preset, "", 1), true},
		{"with uniq-by-line", strings.Replace(lintConfig, uniq, "", 1), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := runGolangciLint(t, gcl, dir, cache, tt.config)
			var wanted []string
			for _, r := range want {
				if tt.errcheck || !strings.HasPrefix(r, "errcheck ") {
					wanted = append(wanted, r)
				}
			}
			if !slices.Equal(got, wanted) {
				t.Errorf("reports:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(wanted, "\n\t"))
			}
		})
	}

	t.Run("unknown setting", func(t *testing.T) {
		config := strings.Replace(lintConfig, "checks: [all]", "chekcs: [all]", 1)
		r := golangciLint(t, gcl, dir, cache, config)
		if r.code == 0 || r.code == 1 || !strings.Contains(r.stderr, `unknown field "chekcs"`) {
			t.Errorf("exit %d, want an error naming the unknown setting; stderr:\n%s", r.code, r.stderr)
		}
	})
}

// customConfig returns the .custom-gcl.yml of the docs that builds from
// a local clone, pointed at this checkout. The docs' other one, which
// fetches flushcheck from the module proxy, must be the same but for
// that line.
func customConfig(t *testing.T, doc string) string {
	t.Helper()
	byPath := docSnippet(t, doc, "# .custom-gcl.yml", "path:")
	byVersion := docSnippet(t, doc, "# .custom-gcl.yml", "version: latest")
	pathLine := regexp.MustCompile(`(?m)^(\s*)path: .*$`)
	if pathLine.ReplaceAllString(byPath, "${1}version: latest") != byVersion {
		t.Errorf("the two .custom-gcl.yml of the docs differ by more than path: and version:\n%s\n%s", byPath, byVersion)
	}
	if !strings.Contains(byPath, "version: "+golangciVersion+"\n") {
		t.Errorf("the .custom-gcl.yml of the docs does not build golangci-lint %s:\n%s", golangciVersion, byPath)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return pathLine.ReplaceAllString(byPath, "${1}path: "+root)
}

// docSnippet returns the body of the one fenced block of doc whose
// first line is header and which contains has.
func docSnippet(t *testing.T, doc, header, has string) string {
	t.Helper()
	var found []string
	for block := range strings.SplitSeq(doc, "\n```") {
		_, body, ok := strings.Cut(block, "\n")
		if ok && strings.HasPrefix(body, header+"\n") && strings.Contains(body, has) {
			found = append(found, body+"\n")
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d blocks of docs/golangci-lint.md start with %q and contain %q, want 1", len(found), header, has)
	}
	return found[0]
}

// wantedReports reads the "want:" comments of a fixture: one
// "LINTER LINE" or "flushcheck/CHECK LINE" per report, sorted as
// runGolangciLint sorts. A line silenced for flushcheck by a directive
// is reported by errcheck alone.
func wantedReports(t *testing.T, file string) []string {
	t.Helper()
	var want []string
	sc := bufio.NewScanner(strings.NewReader(readFile(t, file)))
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(text), "//") {
			continue // a comment about the fixture, not a line of code
		}
		if strings.Contains(text, "//nolint:flushcheck") || strings.Contains(text, "//lint:ignore flushcheck") {
			want = append(want, fmt.Sprintf("errcheck %d", line))
			continue
		}
		_, what, ok := strings.Cut(text, "// want: ")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(what) {
			if strings.HasPrefix(w, "(") {
				break // the rest is a remark
			}
			want = append(want, fmt.Sprintf("%s %d", w, line))
		}
	}
	if len(want) == 0 {
		t.Fatalf("%s wants no reports", file)
	}
	slices.Sort(want)
	return want
}

// runGolangciLint runs golangci-lint with config in dir and returns its
// reports as "LINTER LINE", with flushcheck's as "flushcheck/CHECK LINE".
func runGolangciLint(t *testing.T, gcl, dir, cache, config string) []string {
	t.Helper()
	r := golangciLint(t, gcl, dir, cache, config, "--output.json.path=stdout")
	if r.code != 0 && r.code != 1 {
		t.Fatalf("golangci-lint: exit %d; stderr:\n%s", r.code, r.stderr)
	}
	var out struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct{ Line int }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("golangci-lint output: %v\n%s", err, r.stdout)
	}
	var got []string
	for _, is := range out.Issues {
		name := is.FromLinter
		if name == "flushcheck" {
			// The text starts with the check: "discard: ..." or
			// "unflushed(related information): ...".
			check, _, _ := strings.Cut(is.Text, ":")
			check, _, _ = strings.Cut(check, "(")
			name += "/" + check
		}
		got = append(got, fmt.Sprintf("%s %d", name, is.Pos.Line))
	}
	slices.Sort(got)
	return got
}

type result struct {
	stdout, stderr string
	code           int
}

// golangciLint runs gcl with config in dir, offline: the fixture has
// no dependencies.
func golangciLint(t *testing.T, gcl, dir, cache, config string, args ...string) result {
	t.Helper()
	configFile := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(configFile, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gcl, append([]string{"run", "--config", configFile, "--show-stats=false"}, append(args, "./...")...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache, "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

// customGolangciLint returns a golangci-lint built by `golangci-lint
// custom` from config, a .custom-gcl.yml. The build takes a minute, so
// the last binary built is kept in the user's cache directory under a
// hash of all that goes into it; a build is never reused for other
// inputs.
func customGolangciLint(t *testing.T, config string) string {
	t.Helper()
	key := buildKey(t, config)
	var cached string
	if dir, err := os.UserCacheDir(); err == nil {
		cached = filepath.Join(dir, "flushcheck", "custom-gcl-"+key)
		if out, err := exec.Command(cached, "version").Output(); err == nil && bytes.Contains(out, []byte(golangciVersion+"-custom-gcl-")) {
			t.Logf("using %s, built before from the same sources", cached)
			return cached
		}
	}

	work := t.TempDir()
	if err := os.WriteFile(filepath.Join(work, ".custom-gcl.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	stock, env := stockGolangciLint(t), offlineGolangciRepo(t)
	t.Logf("stock golangci-lint and its local repository ready in %s", time.Since(start).Round(time.Second))
	start = time.Now()
	cmd := exec.Command(stock, "custom", "--name", "custom-gcl", "--destination", work)
	cmd.Dir = work
	cmd.Env = append(withoutGitConfig(os.Environ()), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("golangci-lint custom: %v\n%s", err, out)
	}
	t.Logf("golangci-lint custom built golangci-lint %s with the plugin in %s", golangciVersion, time.Since(start).Round(time.Second))
	built := filepath.Join(work, "custom-gcl")
	if cached == "" {
		return built
	}
	// Into the cache through a rename, so that a reader never sees half
	// a binary; a failure only costs the next run a build.
	if err := os.MkdirAll(filepath.Dir(cached), 0o755); err == nil {
		tmp := cached + ".tmp" + fmt.Sprint(os.Getpid())
		if err := os.Link(built, tmp); err != nil {
			data, err := os.ReadFile(built)
			if err == nil {
				err = os.WriteFile(tmp, data, 0o755)
			}
			if err != nil {
				return built
			}
		}
		if err := os.Rename(tmp, cached); err != nil {
			_ = os.Remove(tmp) // a leftover costs a little disk, no more
			return built
		}
		// One binary of 50 MB is kept: the builds of older sources go.
		old, _ := filepath.Glob(filepath.Join(filepath.Dir(cached), "custom-gcl-*"))
		for _, f := range old {
			if f != cached {
				_ = os.Remove(f) // as above
			}
		}
	}
	return built
}

// buildKey hashes what a custom build depends on: the configuration,
// the Go toolchain and platform, and the module's go.mod, go.sum and Go
// files (test files, testdata and nested modules are never built into
// it, and are left out).
func buildKey(t *testing.T, config string) string {
	t.Helper()
	h := sha256.New()
	goVersion, err := exec.Command("go", "env", "GOVERSION", "GOOS", "GOARCH", "GOFLAGS").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	h.Write(fmt.Appendf(nil, "%q %q\n", config, goVersion))
	root := filepath.Dir(mustAbs(t, "."))
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || exists(filepath.Join(path, "go.mod"))) {
				return filepath.SkipDir
			}
			return nil
		}
		goFile := strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
		if !goFile && (path != filepath.Join(root, name) || name != "go.mod" && name != "go.sum") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		h.Write(fmt.Appendf(nil, "%q %d\n", filepath.ToSlash(rel), len(data)))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}

// stockGolangciLint returns a golangci-lint of golangciVersion to run
// `golangci-lint custom` with: the one on PATH when it is that
// version (.ci/run installs it), else one installed into a temporary
// directory.
func stockGolangciLint(t *testing.T) string {
	t.Helper()
	if path, err := exec.LookPath("golangci-lint"); err == nil {
		out, err := exec.Command(path, "version").Output()
		if err == nil && bytes.Contains(out, []byte(" version "+strings.TrimPrefix(golangciVersion, "v")+" ")) {
			return path
		}
	}
	bin := t.TempDir()
	cmd := exec.Command("go", "install", "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@"+golangciVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+bin, "GOWORK=off")
	cmd.Dir = bin
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install golangci-lint: %v\n%s", err, out)
	}
	return filepath.Join(bin, "golangci-lint"+exe())
}

// offlineGolangciRepo makes `golangci-lint custom` work without
// GitHub: it clones https://github.com/golangci/golangci-lint.git at
// the tag of its version, so this makes a git repository with that tag
// from the module proxy's copy of the same version and returns the
// environment that points git at it, for that one command.
func offlineGolangciRepo(t *testing.T) []string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	cmd.Dir = t.TempDir() // outside any module
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod download golangci-lint: %v\n%s", err, out)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download golangci-lint: %v\n%s", err, out)
	}
	repo := filepath.Join(t.TempDir(), "golangci-lint")
	if err := os.CopyFS(repo, os.DirFS(mod.Dir)); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=flushcheck test", "-c", "user.email=test@flushcheck.invalid", "commit", "-q", "--no-gpg-sign", "-m", golangciVersion},
		{"tag", golangciVersion},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = withoutGitConfig(os.Environ())
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return []string{
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url." + fileURL(repo) + ".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	}
}

// withoutGitConfig drops git configuration passed in the environment,
// which the offline repository's own would add to or clash with.
func withoutGitConfig(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		return strings.HasPrefix(kv, "GIT_CONFIG_")
	})
}

func fileURL(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // C:/x on Windows
	}
	return "file://" + path
}

func exe() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func mustAbs(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
