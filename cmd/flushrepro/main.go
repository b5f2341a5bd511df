// Command flushrepro runs flushcheck's reproducers and prints, for each
// rule of each check, the diagnostic on the bad shape and what the bad
// and fixed shapes deliver under deterministic backpressure: a Markdown
// table of pattern, diagnostic, bytes promised, bytes delivered and
// verdict.
//
// Usage, from anywhere in the module:
//
//	flushrepro [-runs N] [-svg FILE] [-doc FILE] [-analyze=false]
//	flushrepro -only PKG -variant bad|fixed
//
// -svg writes a chart of delivered against promised bytes per pattern;
// -doc rewrites the table between the markers of a Markdown file
// (docs/reproducers.md). -only runs one shape of one reproducer once and
// prints its verdict: the strace script (scripts/strace-repro.sh) uses it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "flushrepro:", err)
		os.Exit(1)
	}
}

type options struct {
	runs    int
	svg     string
	doc     string
	analyze bool
	only    string
	variant string
}

func parse(args []string) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("flushrepro", flag.ContinueOnError)
	fs.IntVar(&o.runs, "runs", 100, "runs of each shape")
	fs.StringVar(&o.svg, "svg", "", "write the chart of delivered against promised bytes to `file`")
	fs.StringVar(&o.doc, "doc", "", "rewrite the table between the markers of the Markdown `file`")
	fs.BoolVar(&o.analyze, "analyze", true, "run the analyzers for the diagnostic column")
	fs.StringVar(&o.only, "only", "", "run one reproducer `package` once (with -variant)")
	fs.StringVar(&o.variant, "variant", "bad", "the shape -only runs: bad or fixed")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 || o.runs < 1 || (o.variant != "bad" && o.variant != "fixed") {
		return nil, fmt.Errorf("usage: flushrepro [-runs N] [-svg file] [-doc file] [-analyze=false] | -only pkg -variant bad|fixed")
	}
	return o, nil
}

func run(args []string, stdout io.Writer) error {
	o, err := parse(args)
	if err != nil {
		return err
	}
	if o.only != "" {
		return runOne(o.only, o.variant == "fixed", stdout)
	}
	results, err := measure(rows(), o)
	if err != nil {
		return err
	}
	table := markdown(results, o.runs)
	if _, err := io.WriteString(stdout, table); err != nil {
		return err
	}
	if o.svg != "" {
		if err := os.WriteFile(o.svg, []byte(chart(results)), 0o644); err != nil {
			return err
		}
	}
	if o.doc != "" {
		return updateDoc(o.doc, table)
	}
	return nil
}

// runOne runs one shape of the reproducer pkg once.
func runOne(pkg string, fixed bool, w io.Writer) error {
	for _, r := range rows() {
		if r.pkg != pkg {
			continue
		}
		v, err := r.run(fixed)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s %s: %v\n", pkg, variantName(fixed), v)
		return err
	}
	return fmt.Errorf("no reproducer %q", pkg)
}

func variantName(fixed bool) string { return pick(fixed, "bad", "fixed") }
