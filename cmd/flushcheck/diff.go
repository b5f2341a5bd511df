package main

import (
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 3

// maxDiffCells bounds the table of the line diff (4M cells, 16 MB):
// past it, the changed middle is shown as removed, then added.
const maxDiffCells = 1 << 22

// lineOp is one line of a line diff: ' ' kept, '-' removed, '+' added.
type lineOp struct {
	kind byte
	text string // with its newline, if it has one
}

// unifiedDiff returns the unified diff from before to after of the file
// name, labelled a/name and b/name as git does, or "" if they are equal.
func unifiedDiff(name string, before, after []byte) string {
	ops := diffLines(splitLines(string(before)), splitLines(string(after)))
	var b strings.Builder
	for _, h := range hunkRanges(ops, diffContext) {
		if b.Len() == 0 {
			fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
		}
		writeHunk(&b, ops, h)
	}
	return b.String()
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffLines returns an edit script from a to b. Fixes are local, so
// the common head and tail are cut off before the quadratic part.
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []lineOp
	ops = appendOps(ops, ' ', a[:pre])
	ops = append(ops, diffMiddle(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	return appendOps(ops, ' ', a[len(a)-suf:])
}

// diffMiddle diffs a and b through their longest common subsequence.
func diffMiddle(a, b []string) []lineOp {
	n, m := len(a), len(b)
	if n*m > maxDiffCells {
		return appendOps(appendOps(nil, '-', a), '+', b)
	}
	// lcs[i*(m+1)+j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
			} else {
				lcs[i*(m+1)+j] = max(lcs[(i+1)*(m+1)+j], lcs[i*(m+1)+j+1])
			}
		}
	}
	var ops []lineOp
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			ops = append(ops, lineOp{' ', a[i]})
			i, j = i+1, j+1
		case lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]:
			ops = append(ops, lineOp{'-', a[i]})
			i++
		default:
			ops = append(ops, lineOp{'+', b[j]})
			j++
		}
	}
	return appendOps(appendOps(ops, '-', a[i:]), '+', b[j:])
}

func appendOps(ops []lineOp, kind byte, lines []string) []lineOp {
	for _, l := range lines {
		ops = append(ops, lineOp{kind, l})
	}
	return ops
}

// hunkRanges returns the [from, to) ranges of ops that make hunks:
// each change with context lines around it, changes closer than twice
// the context joined into one hunk.
func hunkRanges(ops []lineOp, context int) [][2]int {
	var out [][2]int
	for i := 0; i < len(ops); i++ {
		if ops[i].kind == ' ' {
			continue
		}
		end := changeRunEnd(ops, i, context)
		out = append(out, [2]int{max(i-context, 0), min(end+context, len(ops))})
		i = end
	}
	return out
}

// changeRunEnd returns the index just past the changes that start at
// ops[i], where unchanged gaps of at most 2*context lines do not end it.
func changeRunEnd(ops []lineOp, i, context int) int {
	for {
		k := i
		for k < len(ops) && ops[k].kind != ' ' {
			k++
		}
		e := k
		for e < len(ops) && ops[e].kind == ' ' {
			e++
		}
		if e == len(ops) || e-k > 2*context {
			return k
		}
		i = e
	}
}

// writeHunk writes ops[h[0]:h[1]] as one hunk with its header.
func writeHunk(b *strings.Builder, ops []lineOp, h [2]int) {
	aLine, bLine := 1, 1 // line numbers at h[0]
	for _, op := range ops[:h[0]] {
		aLine, bLine = advance(op.kind, aLine, bLine)
	}
	aEnd, bEnd := aLine, bLine
	for _, op := range ops[h[0]:h[1]] {
		aEnd, bEnd = advance(op.kind, aEnd, bEnd)
	}
	fmt.Fprintf(b, "@@ -%s +%s @@\n", hunkSpan(aLine, aEnd-aLine), hunkSpan(bLine, bEnd-bLine))
	for _, op := range ops[h[0]:h[1]] {
		b.WriteByte(op.kind)
		b.WriteString(op.text)
		if !strings.HasSuffix(op.text, "\n") {
			b.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

func advance(kind byte, aLine, bLine int) (int, int) {
	switch kind {
	case '-':
		return aLine + 1, bLine
	case '+':
		return aLine, bLine + 1
	}
	return aLine + 1, bLine + 1
}

// hunkSpan formats start,count; an empty span names the line before it.
func hunkSpan(start, count int) string {
	if count == 0 {
		start--
	}
	return fmt.Sprintf("%d,%d", start, count)
}
