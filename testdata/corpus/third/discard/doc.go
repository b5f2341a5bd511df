// Package discard holds labelled cases for the discard check: a
// data-committing call whose error is thrown away on a path that then
// reports success.
package discard

import "time"

// Row is one exported record.
type Row struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Bytes int64  `json:"bytes"`
}

// Event is pushed to subscribers.
type Event struct {
	Kind string    `json:"kind"`
	At   time.Time `json:"at"`
	Data string    `json:"data,omitempty"`
}

// Entry is one file of a backup.
type Entry struct {
	Name    string
	Data    []byte
	ModTime time.Time
}
