package main

import (
	"errors"
	"flag"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// run is the standalone mode: parse the command line, then explain,
// print the version, or check packages.
func (env *environment) run(args []string) int {
	all := suite.Analyzers()
	guardAnalyzers(all)
	o, err := parseOptions(args, all)
	if errors.Is(err, flag.ErrHelp) {
		return env.emit(usage(all))
	}
	if err != nil {
		env.problemf("%v (see flushcheck -h)", err)
		return exitFailure
	}
	switch {
	case o.version:
		return env.emit("flushcheck " + version() + "\n")
	case o.explain != "":
		return env.explain(o.explain)
	}
	analyzers, err := selectAnalyzers(all, o.checks, o.toggles)
	if err != nil {
		env.problemf("%v (see flushcheck -h)", err)
		return exitFailure
	}
	return env.check(o, analyzers)
}

// explain prints the documentation of the named check.
func (env *environment) explain(name string) int {
	a, ok := suite.Lookup(name)
	if !ok {
		env.problemf("unknown check %q (known: %s)", name, checkNames(suite.Analyzers()))
		return exitFailure
	}
	text := a.Name + ": " + suite.Documentation(a).Format(false)
	if a.URL != "" {
		text += "Online documentation\n    " + a.URL + "\n"
	}
	return env.emit(text)
}

// check loads, analyzes, fixes if asked to, and reports.
func (env *environment) check(o *options, analyzers []*analysis.Analyzer) int {
	l, err := load(o, env.cwd, analyzers)
	if err != nil {
		env.problemf("%v", err)
		return exitFailure
	}
	findings, failures := findingsOf(l.actions)
	problems := slices.Concat(l.problems, failures)
	switch {
	case o.fix && len(problems) > 0:
		// The analysis is incomplete or the command line partly wrong:
		// fix nothing rather than some of it. The findings are all
		// reported as left, and the problems say why.
	case o.fix || o.diff:
		if env.beforeFix != nil {
			env.beforeFix()
		}
		res := env.applyFixes(findings, moduleRoots(l.roots), l.sources, o.diff)
		problems = append(problems, res.problems...)
		if o.fix {
			findings = unfixed(findings, res.failed) // report what is left
		}
	}
	env.problems(problems)
	status := exitStatus(findings, problems)
	if o.diff {
		return status // the diff was the report
	}
	return max(status, env.report(o.format, findings, len(problems) == 0, analyzers))
}

func (env *environment) problems(lines []string) {
	for _, line := range lines {
		env.problemf("%s", line)
	}
}

// exitStatus is 2 when something failed (the findings may be
// incomplete), else 1 when something was found.
func exitStatus(findings []finding, problems []string) int {
	switch {
	case len(problems) > 0:
		return exitFailure
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

// report prints findings in the chosen format.
func (env *environment) report(format string, findings []finding, complete bool, analyzers []*analysis.Analyzer) int {
	var err error
	switch format {
	case "json":
		err = writeJSON(env.stdout, env.cwd, findings)
	case "sarif":
		err = writeSARIF(env.stdout, sarifInput{cwd: env.cwd, findings: findings, analyzers: analyzers, complete: complete})
	default:
		err = writeText(env.stdout, env.cwd, findings)
	}
	if err != nil {
		env.problemf("cannot write report: %v", err)
		return exitFailure
	}
	return exitClean
}

// version names the build: the module version when installed with
// go install pkg@version, else the VCS revision stamped by go build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			return "devel " + s.Value
		}
	}
	return "devel"
}

func checkNames(analyzers []*analysis.Analyzer) string {
	names := make([]string, len(analyzers))
	for i, a := range analyzers {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}
