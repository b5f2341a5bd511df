package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStraceEvidence runs scripts/strace-repro.sh on the shipper
// reproducer: at the system-call level the bad shape makes one write
// that the socket takes in part, meets EAGAIN and closes; the fixed
// shape goes on until every byte is accepted. It needs strace (CI
// installs it) and is skipped without it, and with -short.
func TestStraceEvidence(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and traces it")
	}
	if _, err := exec.LookPath("strace"); err != nil {
		t.Skip("strace is not installed")
	}
	if err := exec.Command("strace", "-qq", "-o", "/dev/null", "true").Run(); err != nil {
		t.Skipf("strace cannot trace here: %v", err)
	}
	out, err := exec.Command("../../scripts/strace-repro.sh", "shipper", t.TempDir()).CombinedOutput()
	if err != nil {
		t.Fatalf("strace-repro.sh: %v\n%s", err, out)
	}
	bad, fixed, ok := strings.Cut(string(out), "== shipper, fixed shape")
	if !ok {
		t.Fatalf("no fixed section in:\n%s", out)
	}
	for _, s := range []string{"2 write calls", "1 answered EAGAIN", "silent truncation"} {
		if !strings.Contains(bad, s) {
			t.Errorf("bad shape: no %q in:\n%s", s, bad)
		}
	}
	for _, s := range []string{"1048576 bytes accepted", "complete: promised 1048576 bytes, delivered 1048576"} {
		if !strings.Contains(fixed, s) {
			t.Errorf("fixed shape: no %q in:\n%s", s, fixed)
		}
	}
}
