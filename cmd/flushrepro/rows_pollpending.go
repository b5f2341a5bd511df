package main

import (
	"net"

	"github.com/flushcheck/flushcheck/flushtest"
	"github.com/flushcheck/flushcheck/testdata/reproducers/nbsend"
	"github.com/flushcheck/flushcheck/testdata/reproducers/outbox"
	"github.com/flushcheck/flushcheck/testdata/reproducers/rawsend"
	"github.com/flushcheck/flushcheck/testdata/reproducers/shipper"
)

func (f *fixtures) pollpendingRows() []row {
	return []row{
		{"pollpending", "RawConn.Write callback returns true after EAGAIN", "rawsend",
			"callback breaks on any error and `return true`", "full socket buffer + write deadline", f.runRawsend},
		{"pollpending", "raw write whose short count is dropped", "nbsend",
			"`_, err := syscall.Write(fd, msg)` on a non-blocking socket", "full socket buffer (socketpair)", f.runRawPair(nbsend.SendBad, nbsend.SendFixed)},
		{"pollpending", "EAGAIN answered with success", "shipper",
			"`if err == syscall.EAGAIN { return nil }`", "full socket buffer (socketpair)", f.runRawPair(shipper.ShipBad, shipper.ShipFixed)},
		{"pollpending", "poll-style (done bool) result dropped", "outbox",
			"`o.Flush()` whose done is ignored", "full socket buffer (socketpair)", f.runOutbox},
	}
}

func (f *fixtures) runRawsend(fixed bool) (flushtest.Verdict, error) {
	send := pick(fixed, rawsend.SendBad, rawsend.SendFixed)
	p, err := flushtest.TCP(stalled())
	if err != nil {
		return flushtest.Verdict{}, err
	}
	msg := f.text()
	return p.Judge(int64(len(msg)), send(p.Conn.Raw().(*net.TCPConn), msg))
}

// rawSender is the shape of the socketpair reproducers: they write msg
// to fd and may wait for writability with waitWritable.
type rawSender func(fd int, msg []byte, waitWritable func() error) error

func (f *fixtures) runRawPair(bad, good rawSender) func(bool) (flushtest.Verdict, error) {
	return func(fixed bool) (flushtest.Verdict, error) {
		send := pick(fixed, bad, good)
		p, err := flushtest.Socketpair(rawStalled())
		if err != nil {
			return flushtest.Verdict{}, err
		}
		msg := f.text()
		return p.Judge(int64(len(msg)), send(p.FD, msg, p.WaitWritable))
	}
}

func (f *fixtures) runOutbox(fixed bool) (flushtest.Verdict, error) {
	send := pick(fixed, outbox.SendBad, outbox.SendFixed)
	p, err := flushtest.Socketpair(rawStalled())
	if err != nil {
		return flushtest.Verdict{}, err
	}
	msg := f.text()
	return p.Judge(int64(len(msg)), send(&outbox.Outbox{FD: p.FD}, msg, p.WaitWritable))
}
