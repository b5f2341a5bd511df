package unflushed

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"maps"
	"net"
	"os"
	"slices"
	"strings"
	"time"

	"heldout2/internal/finish"
)

type node struct {
	name     string
	children []*node
}

// renderTree prints the tree through a recursive closure and never
// flushes.
func renderTree(w io.Writer, root *node) error {
	bw := bufio.NewWriter(w)
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		fmt.Fprintf(bw, "%s%s\n", strings.Repeat("  ", depth), n.name)
		for _, c := range n.children {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return nil // LABEL: bad unflushed
}

// writeSections flushes inside the per-section closure.
func writeSections(w io.Writer, sections map[string][]string) error {
	bw := bufio.NewWriter(w)
	section := func(title string, lines []string) error {
		fmt.Fprintf(bw, "[%s]\n", title)
		for _, l := range lines {
			fmt.Fprintf(bw, "%s\n", l)
		}
		return bw.Flush()
	}
	for _, t := range slices.Sorted(maps.Keys(sections)) {
		if err := section(t, sections[t]); err != nil {
			return err
		}
	}
	return nil // LABEL: ok unflushed
}

// writeWords writes through a method value and never flushes.
func writeWords(w io.Writer, words []string) error {
	bw := bufio.NewWriter(w)
	put := bw.WriteString
	for i, word := range words {
		if i > 0 {
			put(" ")
		}
		put(word)
	}
	_, err := put("\n")
	return err // LABEL: bad unflushed
}

// writeKV finishes through a method value.
func writeKV(w io.Writer, kv [][2]string) error {
	bw := bufio.NewWriter(w)
	flush := bw.Flush
	for _, p := range kv {
		fmt.Fprintf(bw, "%s: %s\n", p[0], p[1])
	}
	return flush() // LABEL: ok unflushed
}

// writeItems truncates long lists and returns with the list buffered.
func writeItems[T fmt.Stringer](w io.Writer, items []T, limit int) error {
	bw := bufio.NewWriter(w)
	for i, it := range items {
		if i == limit {
			fmt.Fprintf(bw, "... and %d more\n", len(items)-limit)
			return nil // LABEL: bad unflushed
		}
		if _, err := fmt.Fprintln(bw, it.String()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// writeJSONLines writes one document per line to any writer type. A
// marshal failure is reported; success never flushes.
func writeJSONLines[W io.Writer, T any](dst W, vs []T) error {
	bw := bufio.NewWriter(dst)
	for _, v := range vs {
		b, err := json.Marshal(v)
		if err != nil {
			return err // LABEL: ok unflushed
		}
		bw.Write(b)
		bw.WriteByte('\n')
	}
	return nil // LABEL: bad unflushed
}

// flushAll flushes every writer in order and reports the first failure.
func flushAll[F interface{ Flush() error }](fs ...F) error {
	for _, f := range fs {
		if err := f.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// writeSplit routes lines to two writers and finishes both through a
// generic helper.
func writeSplit(out, errOut io.Writer, lines []string) error {
	o, e := bufio.NewWriter(out), bufio.NewWriter(errOut)
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "E "); ok {
			e.WriteString(rest + "\n")
		} else {
			o.WriteString(l + "\n")
		}
	}
	return flushAll(o, e) // LABEL: ok unflushed
}

// writeSplitShared finishes both writers through the generic helper in
// another package.
func writeSplitShared(out, errOut io.Writer, lines []string) error {
	o, e := bufio.NewWriter(out), bufio.NewWriter(errOut)
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "E "); ok {
			e.WriteString(rest + "\n")
		} else {
			o.WriteString(l + "\n")
		}
	}
	return finish.All(o, e) // LABEL: ok unflushed
}

// writeTrailer flushes only when asked to sync.
func writeTrailer(w io.Writer, sum []byte, sync bool) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "sha256:%x\n", sum)
	if sync {
		return finish.Flush(bw)
	}
	return nil // LABEL: bad unflushed
}

// writeManifest flushes in a deferred closure that only logs a failure,
// so a failed flush still returns success.
func writeManifest(path string, entries map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	defer func() {
		if err := bw.Flush(); err != nil {
			log.Printf("manifest %s: %v", path, err)
		}
		f.Close()
	}()
	for _, k := range slices.Sorted(maps.Keys(entries)) {
		fmt.Fprintf(bw, "%s %s\n", entries[k], k)
	}
	return nil // LABEL: bad unflushed
}

// startBatch hands the writer to the batch owner over a channel.
func startBatch(conn net.Conn, out chan<- *bufio.Writer) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("BEGIN\r\n"); err != nil {
		return err
	}
	out <- bw
	return nil // LABEL: ok unflushed
}

var auditLog *bufio.Writer

// initAudit installs the audit writer; it is flushed at shutdown.
func initAudit(f *os.File) error {
	bw := bufio.NewWriter(f)
	if _, err := fmt.Fprintf(bw, "# audit started %s\n", time.Now().Format(time.RFC3339)); err != nil {
		return err
	}
	auditLog = bw
	return nil // LABEL: ok unflushed
}

// openStream registers the writer and its flush with the caller.
func openStream(conn net.Conn, register func(w io.Writer, flush func() error)) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("STREAM 1\r\n"); err != nil {
		return err
	}
	register(bw, bw.Flush)
	return nil // LABEL: ok unflushed
}
