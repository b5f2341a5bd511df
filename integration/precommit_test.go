package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommit installs a git pre-commit hook that runs this
// checkout's flushcheck hook with `pre-commit try-repo` in a throwaway
// repository, and commits: a buggy file is refused with flushcheck's
// message, the fixed file is accepted, and a bug in a package the
// commit does not touch does not stand in its way. The hook
// flushcheck-all then finds that bug.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pre-commit, which builds flushcheck")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (Debian: apt-get install pre-commit; .ci/run installs it)")
	}
	checkout := checkoutRoot(t)
	// try-repo clones the checkout: it sees committed and staged files.
	if out, err := exec.Command("git", "-C", checkout, "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml").CombinedOutput(); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml is not in the checkout's git index, so pre-commit cannot see it: %v\n%s", err, out)
	}

	repo := t.TempDir()
	copyDir(t, filepath.Join("testdata", "precommit", "module"), repo)
	env := preCommitEnv(t)
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	mustGit := func(args ...string) {
		t.Helper()
		if out, err := git(args...); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	mustGit("init", "-q")
	mustGit("add", "-A")
	mustGit("commit", "-q", "-m", "before the hook")
	hook := "#!/bin/sh\nexec " + shellQuote(preCommit) + " try-repo " + shellQuote(checkout) + " flushcheck\n"
	if err := os.WriteFile(filepath.Join(repo, ".git", "hooks", "pre-commit"), []byte(hook), 0o755); err != nil {
		t.Fatal(err)
	}

	copyDir(t, filepath.Join("testdata", "precommit", "buggy"), filepath.Join(repo, "report"))
	mustGit("add", "report")
	out, err := git("commit", "-m", "report")
	const finding = "report/report.go:16:8: error from (*os.File).Close on f is discarded in a deferred call"
	if err == nil || !strings.Contains(out, finding) || strings.Contains(out, "legacy") {
		t.Fatalf("commit of the buggy report: %v, want it refused with the finding in report alone:\n%s", err, out)
	}
	t.Logf("the hook refused the commit:\n%s", out)
	if log, _ := git("log", "--format=%s"); strings.TrimSpace(log) != "before the hook" {
		t.Fatalf("the refused commit was made; git log:\n%s", log)
	}

	copyDir(t, filepath.Join("testdata", "precommit", "fixed"), filepath.Join(repo, "report"))
	mustGit("add", "report")
	if out, err := git("commit", "-m", "report"); err != nil || !strings.Contains(out, "Passed") {
		t.Fatalf("commit of the fixed report: %v, want it accepted by the hook:\n%s", err, out)
	}

	// flushcheck-all looks at every package, legacy too.
	cmd := exec.Command(preCommit, "try-repo", checkout, "flushcheck-all", "--all-files")
	cmd.Dir, cmd.Env = repo, env
	all, err := cmd.CombinedOutput()
	const legacy = "legacy/legacy.go:13:8: error from (*gzip.Writer).Close on zw is discarded in a deferred call"
	if err == nil || !strings.Contains(string(all), legacy) || strings.Contains(string(all), "report.go") {
		t.Errorf("flushcheck-all: %v, want it to fail with the finding in legacy alone:\n%s", err, all)
	}
}

// preCommitEnv is the environment of git and pre-commit: a git
// identity and a pre-commit home of the test's own. The module cache
// is shared with the go command's, so that building the hook needs no
// download.
func preCommitEnv(t *testing.T) []string {
	t.Helper()
	modCache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "PRE_COMMIT") {
			env = append(env, kv)
		}
	}
	return append(env,
		"GOMODCACHE="+strings.TrimSpace(string(modCache)),
		"GOWORK=off",
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_CONFIG_COUNT=3",
		"GIT_CONFIG_KEY_0=user.name", "GIT_CONFIG_VALUE_0=flushcheck test",
		"GIT_CONFIG_KEY_1=user.email", "GIT_CONFIG_VALUE_1=test@flushcheck.invalid",
		"GIT_CONFIG_KEY_2=commit.gpgSign", "GIT_CONFIG_VALUE_2=false",
	)
}

// checkoutRoot returns the root of this checkout, the module's root.
func checkoutRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skipf("the module at %s is not a git checkout: %v", root, err)
	}
	return root
}

// copyDir makes dst a copy of src, replacing what was there.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.RemoveAll(dst); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
