// Package integration tests flushcheck in the tools that users run it
// with, each the real tool rather than a mock: the pre-commit hooks of
// .pre-commit-hooks.yaml under pre-commit, and the SARIF log of
// flushcheck -f sarif against the OASIS SARIF 2.1.0 schema and what
// GitHub code scanning reads of it. (The golangci-lint plugin's test is
// in package plugin, beside the plugin.)
//
// The tests build things and run other programs: go test -short skips
// them, and the pre-commit test skips itself when pre-commit is not
// installed (.ci/run installs it).
package integration
