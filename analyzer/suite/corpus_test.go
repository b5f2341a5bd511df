package suite_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/flushcheck/flushcheck/analyzer/suite"
)

// The labelled corpora under testdata/corpus were written from the
// specification alone, by people who had not read the analyzers: first
// for discard, unflushed and closeorder, second (later, after the first
// had been used to fix the analyzers) for unflushed and closeorder,
// third (after both) for discard. A
// line ending in "// LABEL: bad CHECK" must be reported by CHECK; one
// ending in "// LABEL: ok CHECK" is a near miss CHECK must not report.
// Each corpus is a module of its own, so go vet and go test of this
// module do not enter it.
var labelRE = regexp.MustCompile(`// LABEL: (bad|ok) (\w+)$`)

// corpusFloor is what each check achieves on each corpus: at least
// found of the bad lines, at most falseAlarms of the ok lines. Raise
// found when the analyzers improve; a false alarm is a regression.
type corpusFloor struct {
	corpus, check      string
	found, falseAlarms int
}

var corpusFloors = []corpusFloor{
	{"first", "discard", 72, 0},
	{"first", "unflushed", 46, 0},
	{"first", "closeorder", 45, 0},
	{"second", "unflushed", 42, 0},
	{"second", "closeorder", 50, 0},
	{"third", "discard", 54, 0},
}

type label struct {
	file string // relative to the corpus
	line int
}

type labels struct {
	bad, ok map[string]map[label]bool // by check
}

func TestLabelledCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("loads two modules and the standard library they import")
	}
	for _, corpus := range []string{"first", "second", "third"} {
		t.Run(corpus, func(t *testing.T) {
			dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "corpus", corpus))
			if err != nil {
				t.Fatal(err)
			}
			want := readLabels(t, dir)
			got := corpusFindings(t, dir)
			for _, f := range corpusFloors {
				if f.corpus == corpus {
					checkFloor(t, f, want, got)
				}
			}
		})
	}
}

// checkFloor compares one check's findings with the labels.
func checkFloor(t *testing.T, f corpusFloor, want labels, got map[string]map[label]bool) {
	found, alarms := 0, 0
	for l := range want.bad[f.check] {
		if got[f.check][l] {
			found++
		} else {
			t.Logf("%s: missed %s:%d", f.check, l.file, l.line)
		}
	}
	for l := range want.ok[f.check] {
		if got[f.check][l] {
			alarms++
			t.Logf("%s: false alarm %s:%d", f.check, l.file, l.line)
		}
	}
	t.Logf("%s: recall %d/%d, false alarms %d/%d", f.check, found, len(want.bad[f.check]), alarms, len(want.ok[f.check]))
	if found < f.found {
		t.Errorf("%s finds %d of %d bad lines, fewer than the %d it found before", f.check, found, len(want.bad[f.check]), f.found)
	}
	if alarms > f.falseAlarms {
		t.Errorf("%s reports %d near misses, more than the %d known", f.check, alarms, f.falseAlarms)
	}
}

// readLabels reads the labels of every Go file under dir.
func readLabels(t *testing.T, dir string) labels {
	ls := labels{bad: make(map[string]map[label]bool), ok: make(map[string]map[label]bool)}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".go" {
			return err
		}
		return readFileLabels(dir, path, ls)
	})
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

func readFileLabels(dir, path string, ls labels) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	rel, _ := filepath.Rel(dir, path)
	for i, line := range strings.Split(string(data), "\n") {
		m := labelRE.FindStringSubmatch(line)
		if m == nil {
			continue // not a labelled line
		}
		set := ls.ok
		if m[1] == "bad" {
			set = ls.bad
		}
		if set[m[2]] == nil {
			set[m[2]] = make(map[label]bool)
		}
		set[m[2]][label{rel, i + 1}] = true
	}
	return nil
}

// corpusFindings runs the suite on every package of the module in dir
// and returns the lines each check reports.
func corpusFindings(t *testing.T, dir string) map[string]map[label]bool {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Env: append(os.Environ(), "GOWORK=off")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("the corpus has %d errors", n)
	}
	graph, err := checker.Analyze(suite.Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]map[label]bool)
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.ID, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(dir, p.Filename)
			if got[act.Analyzer.Name] == nil {
				got[act.Analyzer.Name] = make(map[label]bool)
			}
			got[act.Analyzer.Name][label{rel, p.Line}] = true
		}
	}
	return got
}
