package loader

import (
	"go/token"
	"go/types"
	"runtime"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A node is one package of the import graph.
type node struct {
	pkg     *packages.Package
	waiting int     // imports not yet type-checked
	users   []*node // the packages that import this one
	parsed  sync.Once
	taken   bool // for parsing ahead or type-checking
	ahead   bool // parsed ahead of its turn
	size    int  // bytes of source, known once parsed

	deps    map[*types.Package]bool // every dependency, true for a direct import
	actions map[*analysis.Analyzer]*Action
}

// A graph schedules the parsing and type-checking of packages over a
// fixed pool of workers: a package is type-checked once its imports are,
// and a worker with no package to type-check parses one ahead, up to a
// few per worker: each holds its syntax until its turn, and parsing
// further ahead only raises the peak of memory (on std, twice the peak
// for no gain in time).
type graph struct {
	fset  *token.FileSet
	parse ParseFunc
	nodes []*node // dependencies first
	byPkg map[*packages.Package]*node
	roots map[*packages.Package]bool
	plan  *plan      // nil: load only, keeping every package's syntax
	facts *factStore // with a plan

	mu       sync.Mutex
	files    map[string]*file // by name
	wake     *sync.Cond       // a package was type-checked
	ready    []*node          // imports type-checked: to type-check next
	unparsed []*node          // not yet taken for parsing, dependencies first
	checking int              // packages being type-checked
	ahead    int              // packages parsed ahead of their turn, not yet type-checked
	maxAhead int              // at most this many
	left     int              // packages not yet type-checked
}

func newGraph(roots []*packages.Package, fset *token.FileSet, parse ParseFunc) *graph {
	g := &graph{fset: fset, parse: parse, files: make(map[string]*file)}
	g.wake = sync.NewCond(&g.mu)
	g.byPkg = make(map[*packages.Package]*node)
	g.roots = make(map[*packages.Package]bool)
	for _, p := range roots {
		g.roots[p] = !IsTestMain(p)
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		n := &node{pkg: p}
		g.byPkg[p] = n
		g.nodes = append(g.nodes, n)
	})
	for _, n := range g.nodes {
		for _, imp := range n.pkg.Imports {
			n.waiting++
			g.byPkg[imp].users = append(g.byPkg[imp].users, n)
		}
		if n.waiting == 0 {
			g.ready = append(g.ready, n)
		}
		for _, name := range n.pkg.CompiledGoFiles {
			g.file(name).users++
		}
	}
	g.unparsed = append([]*node(nil), g.nodes...)
	g.left = len(g.nodes)
	return g
}

// workers is the number of packages parsed or type-checked at once.
func (g *graph) workers() int { return runtime.GOMAXPROCS(0) }

// aheadPerWorker bounds the packages parsed ahead of their turn.
const aheadPerWorker = 8

// run parses and type-checks every package, with the given number of
// workers, and returns when all are done.
func (g *graph) run(workers int) {
	workers = max(workers, 1)
	g.maxAhead = aheadPerWorker * workers
	var wg sync.WaitGroup
	for range workers {
		wg.Go(g.work)
	}
	wg.Wait()
}

func (g *graph) work() {
	for {
		n, check := g.next()
		if n == nil {
			return // every package is type-checked
		}
		n.parsed.Do(func() { g.parseFiles(n) })
		if check {
			g.check(n)
			n.deps = g.dependencies(n)
			if g.plan != nil {
				g.analyze(n)
			}
			g.done(n)
		}
	}
}

// next returns a package to type-check (check true) or, when none is
// ready, one to parse ahead; nil when every package is type-checked.
func (g *graph) next() (n *node, check bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for {
		switch {
		case len(g.ready) > 0:
			n, g.ready = g.ready[0], g.ready[1:]
			g.checking++
			n.taken = true
			if n.ahead {
				g.ahead--
			}
			return n, true
		case g.left == 0:
			return nil, false
		case g.ahead < g.maxAhead:
			if n := g.takeUnparsed(); n != nil {
				return n, false
			}
		}
		if g.checking == 0 && len(g.ready) == 0 {
			g.unblock()
			continue
		}
		g.wake.Wait()
	}
}

// takeUnparsed returns the next package to parse ahead: the first not
// yet taken, for parsing or type-checking; nil if none is left.
func (g *graph) takeUnparsed() *node {
	for len(g.unparsed) > 0 {
		n := g.unparsed[0]
		g.unparsed = g.unparsed[1:]
		if !n.taken {
			n.taken, n.ahead = true, true
			g.ahead++
			return n
		}
	}
	return nil
}

// unblock makes ready the packages still waiting when nothing is being
// type-checked. go/packages breaks import cycles, so this does not
// happen; if it did, their imports that are not done fail to import
// instead of every worker waiting forever.
func (g *graph) unblock() {
	for _, n := range g.nodes {
		if n.waiting > 0 {
			n.waiting = 0
			g.ready = append(g.ready, n)
		}
	}
}

// done records that n is type-checked, making ready its users whose
// imports are now all done.
func (g *graph) done(n *node) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.left--
	g.checking--
	for _, u := range n.users {
		u.waiting--
		if u.waiting == 0 {
			g.ready = append(g.ready, u)
		}
	}
	g.wake.Broadcast()
}

// dependencies returns every package n depends on, each marked true if
// n imports it directly. Its imports are done, so theirs are known.
func (g *graph) dependencies(n *node) map[*types.Package]bool {
	deps := make(map[*types.Package]bool)
	for _, imp := range n.pkg.Imports {
		for dep := range g.byPkg[imp].deps {
			deps[dep] = false
		}
	}
	for _, imp := range n.pkg.Imports {
		deps[imp.Types] = true
	}
	return deps
}
