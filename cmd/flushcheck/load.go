package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/internal/loader"
)

// loaded is the outcome of loading the packages named on the command line.
type loaded struct {
	roots    []*packages.Package // the packages to report on
	actions  []*loader.Action    // the analyzers' runs on them
	problems []string            // one line each: load, parse and type errors
	sources  *snapshot           // what the analyzers saw of each file
}

// load loads the packages matching o.patterns and runs analyzers on them.
// Packages with errors are kept (the others can still be analyzed);
// their errors become problems.
func load(o *options, dir string, analyzers []*analysis.Analyzer) (*loaded, error) {
	var snap *snapshot
	if o.fix || o.diff {
		snap = newSnapshot() // only -fix needs to tell a file changed since
	}
	// The go list query for unmatched patterns runs beside the load.
	type listed struct {
		missing []string
		err     error
	}
	unmatched := make(chan listed, 1)
	go func() {
		missing, err := unmatchedPatterns(o, dir)
		unmatched <- listed{missing, err}
	}()
	cfg := loader.Config{Dir: dir, Env: goCommandEnv(), BuildFlags: buildFlags(o), Tests: o.tests, Parse: snap.parse}
	pkgs, actions, err := loader.Analyze(cfg, analyzers, o.patterns...)
	u := <-unmatched
	if err != nil {
		return nil, fmt.Errorf("cannot load packages: %s", loadError(err))
	}
	if u.err != nil {
		return nil, u.err
	}
	res := &loaded{actions: actions, problems: packageProblems(pkgs, dir), sources: snap}
	for _, p := range pkgs {
		if !loader.IsTestMain(p) {
			res.roots = append(res.roots, p)
		}
	}
	for _, pat := range u.missing {
		res.problems = append(res.problems, fmt.Sprintf("pattern %s matched no packages", pat))
	}
	return res, nil
}

func buildFlags(o *options) []string {
	if o.tags == "" {
		return nil
	}
	return []string{"-tags=" + o.tags}
}

// packageProblems lists the errors of pkgs and their dependencies, one
// line each, without the repeats that test variants of a package bring.
func packageProblems(pkgs []*packages.Package, dir string) []string {
	var lines []string
	seen := make(map[string]bool)
	broken := unloadable(pkgs)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if e.Kind == packages.TypeError && importsBroken(e.Msg, broken) {
				continue // the package it could not import has said why
			}
			line := p.PkgPath + ": " + errorKind(e.Kind) + relativePos(e.Pos, dir) + oneLine(e.Msg)
			if !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
	})
	return lines
}

// unloadable returns the import paths of the packages among pkgs and
// their dependencies that have errors other than type errors.
func unloadable(pkgs []*packages.Package) map[string]bool {
	broken := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if e.Kind != packages.TypeError {
				broken[p.PkgPath] = true
			}
		}
	})
	return broken
}

// importsBroken reports whether msg is the type checker's failure to
// import one of the packages broken.
func importsBroken(msg string, broken map[string]bool) bool {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	path, _, _ := strings.Cut(rest, " ")
	return ok && broken[path]
}

func errorKind(k packages.ErrorKind) string {
	switch k {
	case packages.ParseError:
		return "parse error: "
	case packages.TypeError:
		return "type error: "
	}
	return ""
}

// relativePos shortens the file of an error position ("file:line:col")
// when it is inside dir, and ends it with ": " for the message.
func relativePos(pos, dir string) string {
	if pos == "" || pos == "-" {
		return ""
	}
	file, rest := pos, ""
	if i := strings.Index(pos, ".go:"); i >= 0 {
		file, rest = pos[:i+3], pos[i+3:]
	}
	return displayPath(dir, file) + rest + ": "
}

// unmatchedPatterns returns the patterns that match no package. The
// loader cannot tell which pattern matched what, but go list's Match
// field can, and -find makes that query cheap.
func unmatchedPatterns(o *options, dir string) ([]string, error) {
	args := append([]string{"list", "-e", "-find", "-f", "{{range .Match}}{{.}}\n{{end}}"}, buildFlags(o)...)
	cmd := exec.Command("go", append(args, o.patterns...)...)
	cmd.Dir = dir
	cmd.Env = goCommandEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %s", oneLine(stderr.String()+err.Error()))
	}
	matched := make(map[string]bool)
	for _, m := range strings.Split(string(out), "\n") {
		matched[m] = true
	}
	var missing []string
	for _, p := range o.patterns {
		if !matched[cleanPattern(p)] {
			missing = append(missing, p)
		}
	}
	return missing, nil
}

// cleanPattern is a package pattern as the go command reports it in
// Match: a local path cleaned ("./pkg/" and ".//pkg" are "./pkg"),
// keeping the "./" that makes it local; other patterns unchanged.
func cleanPattern(p string) string {
	p = filepath.ToSlash(p)
	if !build.IsLocalImport(p) && !path.IsAbs(p) {
		return p // an import path or pattern: the go command keeps it
	}
	c := path.Clean(p)
	if strings.HasPrefix(p, "./") && c != "." && !strings.HasPrefix(c, "../") {
		c = "./" + c
	}
	return c
}

// loadError is the message of a failure of the loader, without the
// wrapping that go/packages puts around the go command's own words.
func loadError(err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, "err: exit status ") {
		if _, stderr, ok := strings.Cut(msg, "stderr: "); ok {
			msg = stderr
		}
	}
	return oneLine(msg)
}

// snapshot records a hash of every file as it was parsed, so that -fix
// can tell a file that changed since it was analyzed: the offsets of
// its fixes no longer hold.
type snapshot struct {
	mu     sync.Mutex
	hashes map[string][sha256.Size]byte
}

func newSnapshot() *snapshot {
	return &snapshot{hashes: make(map[string][sha256.Size]byte)}
}

// parse is the loader's parser, recording each file's hash when s is
// not nil. The loader calls it concurrently.
func (s *snapshot) parse(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	if s != nil {
		sum := sha256.Sum256(src)
		s.mu.Lock()
		s.hashes[filename] = sum
		s.mu.Unlock()
	}
	return parser.ParseFile(fset, filename, src, loader.ParseMode)
}

// matches reports whether data is what was parsed as filename.
func (s *snapshot) matches(filename string, data []byte) bool {
	s.mu.Lock()
	sum, ok := s.hashes[filename]
	s.mu.Unlock()
	return ok && sum == sha256.Sum256(data)
}

// oneLine folds a multi-line message (go list likes those) into one line.
func oneLine(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), ":") {
			b.WriteString(";")
		}
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(line)
	}
	return b.String()
}
