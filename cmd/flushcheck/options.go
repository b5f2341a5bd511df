package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// options is the parsed command line of the standalone mode.
type options struct {
	format   string
	explain  string
	checks   string
	toggles  map[string]*toggle // -NAME[=bool], one per analyzer, as in go vet
	fix      bool
	diff     bool
	tags     string
	tests    bool
	version  bool
	patterns []string
}

// errUsage marks errors that are the user's command line, not the code.
var errUsage = errors.New("usage")

// newFlagSet declares the standalone flags into o. The set is built per
// call so that nothing about a run lives in package state.
func newFlagSet(o *options, analyzers []*analysis.Analyzer) *flag.FlagSet {
	fs := flag.NewFlagSet("flushcheck", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported as one line by the caller
	fs.StringVar(&o.format, "f", "text", "output format: text, json or sarif")
	fs.StringVar(&o.explain, "explain", "", "print the documentation of the named check and exit")
	fs.StringVar(&o.checks, "checks", "all", "comma-separated checks to run: names, all, and -name to leave one out")
	fs.BoolVar(&o.fix, "fix", false, "apply the first suggested fix of every finding")
	fs.BoolVar(&o.diff, "diff", false, "print the changes -fix would make as a unified diff; write nothing")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&o.tests, "test", true, "also check test files")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	o.toggles = make(map[string]*toggle)
	for _, a := range analyzers {
		t := new(toggle)
		o.toggles[a.Name] = t
		fs.Var(t, a.Name, "run "+a.Name+" and the other checks so named only; -"+a.Name+"=false skips it")
		// The analyzer's own flags get the same -NAME.flag names as under go vet.
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs
}

// parseOptions parses the standalone command line. It returns
// flag.ErrHelp for -h and an error wrapping errUsage for bad usage.
func parseOptions(args []string, analyzers []*analysis.Analyzer) (*options, error) {
	o := new(options)
	fs := newFlagSet(o, analyzers)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	o.patterns = fs.Args()
	return o, o.validate()
}

// validate rejects combinations that parse but make no sense.
func (o *options) validate() error {
	switch o.format {
	case "text", "json", "sarif":
	default:
		return fmt.Errorf("%w: unknown format %q (want text, json or sarif)", errUsage, o.format)
	}
	if o.diff && o.format != "text" {
		return fmt.Errorf("%w: -diff prints a diff, not -f %s", errUsage, o.format)
	}
	for _, p := range o.patterns {
		// The flag package stops at the first package, so a later flag
		// would silently become a package pattern.
		if strings.HasPrefix(p, "-") {
			return fmt.Errorf("%w: flag %s after the packages; flags come first", errUsage, p)
		}
	}
	if len(o.patterns) == 0 && o.explain == "" && !o.version {
		return fmt.Errorf("%w: no packages given (try flushcheck ./...)", errUsage)
	}
	return nil
}

// usage returns the help text of the standalone mode.
func usage(analyzers []*analysis.Analyzer) string {
	var b strings.Builder
	fmt.Fprint(&b, `usage: flushcheck [flags] packages...

flushcheck finds discarded Flush, Write and Close results and writers
that are never flushed. Exit status: 0 nothing found, 1 found something,
2 bad usage or packages that failed to load.

flags:
`)
	fs := newFlagSet(new(options), analyzers)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fmt.Fprintf(&b, "\nchecks: %s (flushcheck -explain NAME describes one)\n", checkNames(analyzers))
	return b.String()
}

// toggle is a boolean flag that remembers whether it was given, so that
// -NAME alone can mean "only NAME" and -NAME=false "all but NAME".
type toggle struct {
	set, on bool
}

func (t *toggle) IsBoolFlag() bool { return true }

func (t *toggle) String() string {
	if t == nil || !t.set {
		return "true"
	}
	return strconv.FormatBool(t.on)
}

func (t *toggle) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false")
	}
	t.set, t.on = true, v
	return nil
}
