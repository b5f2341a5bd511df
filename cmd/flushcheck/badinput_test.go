package main

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestBadInput drives the command with the mistakes users make. Each
// must end with exit status 2, one clear line on stderr (no stack
// trace), and no file written or changed.
func TestBadInput(t *testing.T) {
	bin := buildCommand(t)
	for name, tc := range map[string]struct {
		setup func(t *testing.T, dir string) // may change the module before the run
		args  []string
		want  string // in the one line of stderr
	}{
		"UnknownFlag":        {args: []string{"-nosuchflag", "./..."}, want: "flag provided but not defined: -nosuchflag"},
		"UnknownCheck":       {args: []string{"-checks", "discard,nosuch", "./..."}, want: `-checks: unknown check "nosuch"`},
		"UnknownCheckToggle": {args: []string{"-nosuch=false", "./..."}, want: "flag provided but not defined: -nosuch"},
		"ExplainUnknown":     {args: []string{"-explain", "nosuch"}, want: `unknown check "nosuch"`},
		"FlagAfterPackages":  {args: []string{"./...", "-fix"}, want: "flag -fix after the packages"},
		"NoPackages":         {args: []string{"-fix"}, want: "no packages given"},
		"DirectoryMissing":   {args: []string{"-fix", "./nothing"}, want: "nothing"},
		"PatternMatchesNone": {args: []string{"-fix", "./nothing/..."}, want: "./nothing/..."},
		"UnknownImportPath":  {args: []string{"-fix", "example.com/nosuch/pkg"}, want: "no required module provides package example.com/nosuch/pkg"},
		"BrokenGoMod": {
			setup: func(t *testing.T, dir string) {
				writeFile(t, filepath.Join(dir, "go.mod"), "modul example.com/buggy\n")
			},
			args: []string{"-fix", "./..."}, want: "errors parsing go.mod: go.mod:1: unknown directive: modul",
		},
		"GoModNamesNoModule": {
			setup: func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, "go.mod"), "go 1.26\n") },
			args:  []string{"-fix", "./..."}, want: "error reading go.mod: missing module declaration",
		},
		"DanglingFile": {
			setup: func(t *testing.T, dir string) {
				symlink(t, filepath.Join(dir, "gone", "away.go"), filepath.Join(dir, "gone.go"))
			},
			args: []string{"-fix", "./..."}, want: "gone.go: no such file or directory",
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := copyModule(t, "buggy")
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			before := snapshotDir(t, dir)
			r := run(t, dir, bin, tc.args...)
			assertOneLine(t, r, tc.want)
			if r.stdout != "" && !strings.Contains(r.stdout, "(discard)") {
				t.Errorf("stdout: %q", r.stdout)
			}
			assertSameDir(t, dir, before)
		})
	}
}

// TestBadInputFix covers -fix on files it must not or cannot write.
func TestBadInputFix(t *testing.T) {
	bin := buildCommand(t)
	t.Run("ReadOnlyFile", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "buggy")
		main := filepath.Join(dir, "main.go")
		if err := os.Chmod(main, 0o444); err != nil {
			t.Fatal(err)
		}
		before := snapshotDir(t, dir)
		r := run(t, dir, bin, "-fix", "./...")
		assertOneLine(t, r, "main.go: read-only file; not fixed")
		if !strings.Contains(r.stdout, "(discard)") {
			t.Errorf("the findings left unfixed are not reported: %q", r.stdout)
		}
		assertSameDir(t, dir, before)
		if info, err := os.Stat(main); err != nil || info.Mode().Perm() != 0o444 {
			t.Errorf("mode of main.go: %v, %v", info, err)
		}
	})
	t.Run("OverlappingFixes", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "overlap")
		before := snapshotDir(t, dir)
		r := run(t, dir, bin, "-fix", "./...")
		assertOneLine(t, r, "main.go: conflicting fixes: the fix of ")
		for _, check := range []string{"the fix of closeorder at main.go:", "the fix of discard at main.go:"} {
			if !strings.Contains(r.stderr, check) {
				t.Errorf("stderr does not name %q: %q", check, r.stderr)
			}
		}
		if !strings.Contains(r.stderr, "file left unchanged") {
			t.Errorf("stderr does not say the file is unchanged: %q", r.stderr)
		}
		assertSameDir(t, dir, before)
		// -diff says the same, and shows nothing of that file.
		r = run(t, dir, bin, "-diff", "./...")
		assertOneLine(t, r, "conflicting fixes")
		if r.stdout != "" {
			t.Errorf("-diff printed %q", r.stdout)
		}
	})
	t.Run("SymlinkOutsideModule", func(t *testing.T) {
		t.Parallel()
		top := t.TempDir()
		mod, outside := filepath.Join(top, "mod"), filepath.Join(top, "outside")
		for _, d := range []string{mod, outside} {
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/linked\n\ngo 1.26\n")
		writeFile(t, filepath.Join(outside, "real.go"), readFile(t, filepath.Join("testdata", "buggy", "main.go")))
		symlink(t, filepath.Join(outside, "real.go"), filepath.Join(mod, "main.go"))
		before, beforeOutside := snapshotDir(t, mod), snapshotDir(t, outside)
		r := run(t, mod, bin, "-fix", "./...")
		assertOneLine(t, r, "main.go: refusing to write outside the module root")
		assertSameDir(t, mod, before)
		assertSameDir(t, outside, beforeOutside)
	})
	t.Run("UnreadableFile", func(t *testing.T) {
		t.Parallel()
		testUnreadableFile(t, bin)
	})
}

// TestDirectiveWithoutReason: a directive without a reason is a finding
// of the directive check, not a usage error: exit status 1, like every
// finding, with a message that says what is missing.
func TestDirectiveWithoutReason(t *testing.T) {
	bin := buildCommand(t)
	dir := copyModule(t, "clean")
	writeFile(t, filepath.Join(dir, "d.go"), "package main\n\nfunc f() {\n\t//lint:ignore flushcheck\n\tprintln()\n}\n")
	before := snapshotDir(t, dir)
	r := run(t, dir, bin, "-fix", "./...")
	want := "d.go:4:2: //lint:ignore flushcheck directive has no reason; it silences nothing until one is given (directive)\n"
	if r.code != exitFindings || r.stdout != want || r.stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and stdout %q", r.code, r.stdout, r.stderr, want)
	}
	assertSameDir(t, dir, before)
}

// TestNoNetwork runs the command on modules that would make the go
// command download a module or a toolchain, with GOPROXY set to a
// local server that counts requests: none may reach it, and the run
// must fail with one line and leave go.mod and go.sum alone.
func TestNoNetwork(t *testing.T) {
	bin := buildCommand(t)
	var hits atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.NotFound(w, r)
	}))
	defer proxy.Close()
	for name, tc := range map[string]struct {
		gomod, code, want string
	}{
		"Module":    {"module example.com/m\n\ngo 1.26\n\nrequire example.com/dep v1.0.0\n", "package m\n\nimport _ \"example.com/dep\"\n", "example.com/dep"},
		"Toolchain": {"module example.com/m\n\ngo 1.99\n", "package m\n", "go1.99"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "go.mod"), tc.gomod)
			writeFile(t, filepath.Join(dir, "m.go"), tc.code)
			before := snapshotDir(t, dir)
			cmd := exec.Command(bin, "-fix", "./...")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOPROXY="+proxy.URL, "GOTOOLCHAIN=auto", "GOFLAGS=-mod=mod", "GOWORK=off",
				"GOMODCACHE="+t.TempDir(), "GONOSUMDB=*", "GOSUMDB=off")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			r := result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
			var exit *exec.ExitError
			if err != nil && !errors.As(err, &exit) {
				t.Fatal(err)
			}
			assertOneLine(t, r, tc.want)
			if n := hits.Load(); n != 0 {
				t.Errorf("%d requests reached the module proxy", n)
			}
			assertSameDir(t, dir, before)
		})
	}
}

// TestDoesNotRunTheCode checks that analyzing a module runs none of
// its code: not its init functions, its tests, go:generate lines or
// cgo-free build steps. Each would create a file if it ran.
func TestDoesNotRunTheCode(t *testing.T) {
	bin := buildCommand(t)
	dir := t.TempDir()
	marker := filepath.Join(t.TempDir(), "ran")
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "m.go"), "package m\n\n//go:generate touch "+marker+"\n\nimport \"os\"\n\nfunc init() { _ = os.WriteFile(\""+marker+"\", nil, 0o644) }\n")
	writeFile(t, filepath.Join(dir, "m_test.go"), "package m\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestMain(m *testing.M) { _ = os.WriteFile(\""+marker+"\", nil, 0o644); os.Exit(m.Run()) }\n")
	before := snapshotDir(t, dir)
	if r := run(t, dir, bin, "-fix", "./..."); r.code != exitClean {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(marker); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the analyzed code ran: %v", err)
	}
	assertSameDir(t, dir, before)
}

// TestFixFileChangedDuringRun changes a file between the analysis and
// -fix: the fix, computed for the old content, must not be applied.
func TestFixFileChangedDuringRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := copyModule(t, "buggy")
	main := filepath.Join(dir, "main.go")
	edited := "// edited while flushcheck ran\n" + readFile(t, main)
	var stdout, stderr strings.Builder
	env := &environment{stdout: &stdout, stderr: &stderr, cwd: dir, beforeFix: func() { writeFile(t, main, edited) }}
	t.Setenv("GOWORK", "off")
	code := env.run([]string{"-fix", "./..."})
	assertOneLine(t, result{stdout.String(), stderr.String(), code}, "main.go: file changed since flushcheck read it; not fixed (run flushcheck again)")
	if got := readFile(t, main); got != edited {
		t.Errorf("main.go was rewritten:\n%s", got)
	}
	assertOnlyFiles(t, dir, "go.mod", "main.go")
}

// testUnreadableFile runs the command on a module with a file it may
// not read. Root reads every file, so as root the command runs as the
// user nobody.
func testUnreadableFile(t *testing.T, bin string) {
	dir := copyModule(t, "buggy")
	secret := filepath.Join(dir, "secret.go")
	writeFile(t, secret, "package main\n")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if os.Geteuid() == 0 {
		if info, err := os.Stat(os.TempDir()); err != nil || info.Mode().Perm()&0o001 == 0 {
			t.Skip("the temporary directory is closed to other users: cannot run as nobody")
		}
		home := t.TempDir()
		for _, d := range []string{home, filepath.Dir(bin), dir} {
			openUp(t, d)
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Env = append(cmd.Env, "HOME="+home, "GOCACHE="+filepath.Join(home, "cache"), "GOPATH="+filepath.Join(home, "gopath"), "XDG_CONFIG_HOME="+home)
	}
	before := snapshotDir(t, dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	assertOneLine(t, result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}, "secret.go: permission denied")
	assertSameDir(t, dir, before)
}

// openUp lets every user into dir and the directories above it, as far
// as the system's temporary directory.
func openUp(t *testing.T, dir string) {
	t.Helper()
	for d := dir; d != os.TempDir() && d != filepath.Dir(d); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
}

// assertOneLine checks for exit status 2 and one line on stderr that
// starts with "flushcheck: " and contains want, with no stack trace.
func assertOneLine(t *testing.T, r result, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if r.code != exitFailure || len(lines) != 1 || !strings.HasPrefix(lines[0], "flushcheck: ") || !strings.Contains(lines[0], want) {
		t.Errorf("exit %d, stderr %q; want exit %d and one line with %q", r.code, r.stderr, exitFailure, want)
	}
	if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic") {
		t.Errorf("stack trace on stderr:\n%s", r.stderr)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// snapshotDir returns every entry of dir with its mode and content.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		entry := info.Mode().String()
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			entry += " -> " + target
		case info.Mode().IsRegular() && info.Mode().Perm()&0o444 != 0:
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			entry += " " + string(data)
		}
		out[path] = entry
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// assertSameDir checks that dir holds what before recorded.
func assertSameDir(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := snapshotDir(t, dir)
	for path, was := range before {
		if now, ok := after[path]; !ok || now != was {
			t.Errorf("%s changed", path)
		}
	}
	for path := range after {
		if _, ok := before[path]; !ok {
			t.Errorf("%s was created", path)
		}
	}
}

func TestOfflineToolchain(t *testing.T) {
	for v, want := range map[string]string{
		"": "path", "auto": "path", "local": "local", "path": "path",
		"go1.30.0+auto": "go1.30.0+path", "go1.30.0+path": "go1.30.0+path", "go1.30.0": "go1.30.0+path",
	} {
		if got := offlineToolchain(v); got != want {
			t.Errorf("offlineToolchain(%q) = %q, want %q", v, got, want)
		}
	}
}

func TestWithoutModMod(t *testing.T) {
	for flags, want := range map[string]string{
		"-mod=mod":                    "",
		"-buildvcs=false -mod=mod -x": "-buildvcs=false -x",
		"--mod=mod":                   "",
		"-mod=vendor":                 "-mod=vendor",
		"":                            "",
	} {
		if got := withoutModMod(flags); got != want {
			t.Errorf("withoutModMod(%q) = %q, want %q", flags, got, want)
		}
	}
}

func TestRecoveringAnalyzer(t *testing.T) {
	run := recovering("boom", func(*analysis.Pass) (any, error) {
		var m map[string]int
		m["x"]++ //nolint:staticcheck // SA5000: a nil map, so that the analyzer panics
		return nil, nil
	})
	_, err := run(&analysis.Pass{})
	if err == nil || strings.Contains(err.Error(), "\n") ||
		!strings.HasPrefix(err.Error(), "internal error: boom panicked: assignment to entry in nil map (at flushcheck/badinput_test.go:") {
		t.Errorf("err = %v", err)
	}
}

func TestWriteAtomicIfRefusesLastMinuteChange(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.go")
	writeFile(t, path, "old")
	err := writeAtomicIf(path, []byte("new"), 0o644, func() error { return errChanged })
	if !errors.Is(err, errChanged) || readFile(t, path) != "old" {
		t.Errorf("err %v, content %q", err, readFile(t, path))
	}
	assertOnlyFiles(t, dir, "f.go")
	if err := replaceUnchanged(path, []byte("other"), []byte("new")); !errors.Is(err, errChanged) || readFile(t, path) != "old" {
		t.Errorf("replaceUnchanged over changed content: %v, %q", err, readFile(t, path))
	}
	assertOnlyFiles(t, dir, "f.go")
}
