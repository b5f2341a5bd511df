package closeorder

import (
	"container/heap"

	"golang.org/x/tools/go/cfg"
)

// worklist hands out the queued blocks of a graph in reverse postorder
// from its entry: a block comes after its predecessors but for the back
// edges of loops, so the search visits most blocks once per change of
// the loops around them, not once per change anywhere before them.
type worklist struct {
	rank   []int   // per block index: its place in reverse postorder
	items  []int32 // the queued block indices, a heap by rank
	queued []bool
}

func newWorklist(g *cfg.CFG) *worklist {
	n := len(g.Blocks)
	w := &worklist{rank: make([]int, n), queued: make([]bool, n)}
	for i := range w.rank {
		w.rank[i] = n + i // unreached from the entry: last, in index order
	}
	post := postorder(g)
	for i, b := range post {
		w.rank[b] = len(post) - 1 - i
	}
	return w
}

// postorder returns the indices of the blocks reached from the entry
// of g in postorder, without recursion (a graph may be very deep).
func postorder(g *cfg.CFG) []int32 {
	if len(g.Blocks) == 0 {
		return nil
	}
	type frame struct {
		b    *cfg.Block
		next int
	}
	seen := make([]bool, len(g.Blocks))
	var post []int32
	stack := []frame{{b: g.Blocks[0]}}
	seen[0] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(top.b.Succs) {
			s := top.b.Succs[top.next]
			top.next++
			if !seen[s.Index] {
				seen[s.Index] = true
				stack = append(stack, frame{b: s})
			}
			continue
		}
		post = append(post, top.b.Index)
		stack = stack[:len(stack)-1]
	}
	return post
}

func (w *worklist) push(b int32) {
	if !w.queued[b] {
		w.queued[b] = true
		heap.Push(w, b)
	}
}

func (w *worklist) pop() int32 {
	b := heap.Pop(w).(int32)
	w.queued[b] = false
	return b
}

func (w *worklist) Len() int           { return len(w.items) }
func (w *worklist) Less(i, j int) bool { return w.rank[w.items[i]] < w.rank[w.items[j]] }
func (w *worklist) Swap(i, j int)      { w.items[i], w.items[j] = w.items[j], w.items[i] }
func (w *worklist) Push(x any)         { w.items = append(w.items, x.(int32)) }
func (w *worklist) Pop() any {
	x := w.items[len(w.items)-1]
	w.items = w.items[:len(w.items)-1]
	return x
}
