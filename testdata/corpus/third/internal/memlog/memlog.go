// Package memlog keeps written lines in memory.
package memlog

import (
	"bytes"
	"sync"
)

// Log is an in-memory io.WriteCloser. Close does nothing.
type Log struct {
	mu    sync.Mutex
	lines [][]byte
}

// Write records a copy of p.
func (l *Log) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, bytes.Clone(p))
	return len(p), nil
}

// Close always returns nil; the log stays readable.
func (l *Log) Close() error { return nil }

// Lines returns what was written so far.
func (l *Log) Lines() [][]byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([][]byte(nil), l.lines...)
}
