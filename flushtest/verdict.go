package flushtest

import (
	"errors"
	"fmt"
)

// Outcome classifies a run by what the code under test reported and
// what actually arrived.
type Outcome int

// The outcomes of a run. Only Truncated is the bug flushcheck hunts: the
// other three are honest.
const (
	// Complete: success reported, every promised byte delivered.
	Complete Outcome = iota
	// Reported: failure reported to the caller, whatever arrived.
	Reported
	// Truncated: success reported, fewer bytes delivered than promised.
	Truncated
	// Excess: success reported, more bytes delivered than promised
	// (a wrong promise, or a stream written twice).
	Excess
)

var outcomeNames = [...]string{"complete", "failure reported", "silent truncation", "excess bytes"}

func (o Outcome) String() string {
	if o < 0 || int(o) >= len(outcomeNames) {
		return fmt.Sprintf("outcome(%d)", int(o))
	}
	return outcomeNames[o]
}

// A Verdict compares what the code under test promised and reported
// with what the peer received.
type Verdict struct {
	Promised  int64 // bytes promised: a Content-Length, or a total the test declares
	Delivered int64 // bytes the peer (or the final destination) received
	Err       error // what the code under test reported; nil is a success report
	// Buffered is the number of bytes the watched buffered writer still
	// held when the destination was closed; -1 when not observable.
	Buffered int
	Outcome  Outcome
	// PeerErr is the error that ended the peer's stream (a reset, a
	// truncated HTTP body); nil for a clean end.
	PeerErr error
}

// Judge returns the verdict on a run that promised promised bytes,
// delivered delivered bytes and reported err (nil for success).
func Judge(promised, delivered int64, err error) Verdict {
	v := Verdict{Promised: promised, Delivered: delivered, Err: err, Buffered: -1}
	switch {
	case err != nil:
		v.Outcome = Reported
	case delivered < promised:
		v.Outcome = Truncated
	case delivered > promised:
		v.Outcome = Excess
	default:
		v.Outcome = Complete
	}
	return v
}

// Silent reports whether the run is a silent truncation: success was
// reported while bytes were missing.
func (v Verdict) Silent() bool { return v.Outcome == Truncated }

// Honest reports whether the run either delivered every promised byte
// or reported the failure: what a correct writer always does.
func (v Verdict) Honest() bool { return v.Outcome == Complete || v.Outcome == Reported }

// String describes the verdict in one line, for test failures and logs.
func (v Verdict) String() string {
	s := fmt.Sprintf("%s: promised %d bytes, delivered %d", v.Outcome, v.Promised, v.Delivered)
	if v.Err != nil {
		s += fmt.Sprintf(", reported %q", v.Err.Error())
	} else {
		s += ", reported success"
	}
	if v.Buffered > 0 {
		s += fmt.Sprintf("; closed while %d bytes were still buffered", v.Buffered)
	}
	if v.PeerErr != nil {
		s += fmt.Sprintf("; the peer saw %q", v.PeerErr.Error())
	}
	return s
}

func errorsIsSafetyNet(err error) bool { return errors.Is(err, ErrSafetyNet) }
