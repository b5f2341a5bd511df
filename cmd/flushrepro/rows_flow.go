package main

import (
	"io"
	"log"
	"net"
	"time"

	"github.com/flushcheck/flushcheck/flushtest"
	"github.com/flushcheck/flushcheck/testdata/reproducers/client"
	"github.com/flushcheck/flushcheck/testdata/reproducers/gzarchive"
	"github.com/flushcheck/flushcheck/testdata/reproducers/gzbytes"
	"github.com/flushcheck/flushcheck/testdata/reproducers/gzhandler"
	"github.com/flushcheck/flushcheck/testdata/reproducers/gzpool"
	"github.com/flushcheck/flushcheck/testdata/reproducers/linger"
	"github.com/flushcheck/flushcheck/testdata/reproducers/logflush"
	"github.com/flushcheck/flushcheck/testdata/reproducers/session"
	"github.com/flushcheck/flushcheck/testdata/reproducers/textreport"
)

// The rows of the flow-sensitive checks, unflushed and closeorder.

func (f *fixtures) unflushedRows() []row {
	return []row{
		{"unflushed", "writer not flushed on a success path", "textreport",
			"early `return nil` past a bufio.Writer", "none", f.runReport},
		{"unflushed", "Close of a type that closes the connection, not the writer", "client",
			"`Close` closes `conn`, `bw` never flushed", "none", f.runClient},
		{"unflushed", "success reported over a failed flush", "logflush",
			"Flush error logged, then `return nil`", "slow reader + write deadline", f.runLogflush},
		{"unflushed", "finalizing writer never closed", "gzhandler",
			"`gzip.NewWriter(w)` never closed in a handler", "none", f.runGzhandler},
	}
}

func (f *fixtures) closeorderRows() []row {
	return []row{
		{"closeorder", "destination closed before the writer is flushed", "session",
			"`conn.Close()` then `bw.Flush()`", "none", f.runSession},
		{"closeorder", "defer order: the wrapper's Close registered first", "gzarchive",
			"`defer gz.Close()` before `defer f.Close()`", "none", f.runGzarchive},
		{"closeorder", "hand-back before finish: writer put in a sync.Pool unclosed", "gzpool",
			"`pool.Put(zw)` before `zw.Close()`", "none", f.runGzpool},
		{"closeorder", "buffer read before the writer's Close", "gzbytes",
			"`return buf.Bytes()` before the deferred `zw.Close()`", "none", f.runGzbytes},
		{"closeorder", "SetLinger(0) before Close on a written connection", "linger",
			"`c.SetLinger(0)` then `c.Close()`", "peer not reading yet (receive buffer)", f.runLinger},
	}
}

// relaxed is a pair whose peer reads freely: nothing presses on these
// shapes but their own order.
func relaxed() flushtest.Config { return flushtest.Config{Timeout: 30 * time.Second} }

func (f *fixtures) runReport(fixed bool) (flushtest.Verdict, error) {
	write := pick(fixed, textreport.WriteBad, textreport.WriteFixed)
	ls, total := lines(1000, 99)
	p := flushtest.Pipe(relaxed())
	return p.Judge(total, write(p.Conn, ls, false))
}

func (f *fixtures) runClient(fixed bool) (flushtest.Verdict, error) {
	p := flushtest.Pipe(relaxed())
	cmds, total := lines(1000, 30)
	total += int64(len(cmds)) // "\r\n" instead of "\n"
	var send func(string) error
	var closer io.Closer
	if fixed {
		c := client.NewClientFixed(p.Conn)
		send, closer = c.Send, c
	} else {
		c := client.NewClientBad(p.Conn)
		send, closer = c.Send, c
	}
	for _, cmd := range cmds {
		if err := send(cmd); err != nil {
			return flushtest.Verdict{}, err
		}
	}
	return p.Judge(total, closer.Close())
}

func (f *fixtures) runLogflush(fixed bool) (flushtest.Verdict, error) {
	send := pick(fixed, logflush.SendBad, logflush.SendFixed)
	rows, total := f.rows()
	p, err := flushtest.TCP(stalled())
	if err != nil {
		return flushtest.Verdict{}, err
	}
	return p.Judge(total, send(p.Conn, rows, log.New(io.Discard, "", 0)))
}

func (f *fixtures) runGzhandler(fixed bool) (flushtest.Verdict, error) {
	h := pick(fixed, gzhandler.HandlerBad, gzhandler.HandlerFixed)
	return serve(h(f.small()), relaxed(), f.smallGzip())
}

func gzipLen(p []byte) int64 {
	b, err := gzbytes.CompressFixed(p)
	if err != nil {
		panic(err) // into memory: cannot fail
	}
	return int64(len(b))
}

func (f *fixtures) runSession(fixed bool) (flushtest.Verdict, error) {
	p := flushtest.Pipe(relaxed())
	ls, total := lines(100, 20)
	var say func(string) error
	var end func() error
	if fixed {
		s := session.NewSessionFixed(p.Conn)
		say, end = s.Say, s.End
	} else {
		s := session.NewSessionBad(p.Conn)
		say, end = s.Say, s.End
	}
	for _, l := range ls {
		if err := say(l); err != nil {
			return flushtest.Verdict{}, err
		}
	}
	return p.Judge(total, end())
}

func (f *fixtures) runGzarchive(fixed bool) (flushtest.Verdict, error) {
	write := pick(fixed, gzarchive.WriteBad, gzarchive.WriteFixed)
	s := flushtest.NewSink()
	err := write(func() (io.WriteCloser, error) { return s, nil }, f.small())
	return s.Judge(f.smallGzip(), err), nil
}

func (f *fixtures) runGzpool(fixed bool) (flushtest.Verdict, error) {
	var compress func(io.Writer, []byte) error
	if fixed {
		compress = new(gzpool.CompressorFixed).Compress
	} else {
		compress = new(gzpool.CompressorBad).Compress
	}
	blobs, promised := f.blobs()
	var delivered int64
	for _, b := range blobs {
		s := flushtest.NewSink()
		if err := compress(s, b); err != nil {
			return flushtest.Judge(promised, delivered+s.Len(), err), nil
		}
		delivered += s.Len()
	}
	return flushtest.Judge(promised, delivered, nil), nil
}

func (f *fixtures) runGzbytes(fixed bool) (flushtest.Verdict, error) {
	compress := pick(fixed, gzbytes.CompressBad, gzbytes.CompressFixed)
	out, err := compress(f.small())
	return flushtest.Judge(f.smallGzip(), int64(len(out)), err), nil
}

func (f *fixtures) runLinger(fixed bool) (flushtest.Verdict, error) {
	reply := pick(fixed, linger.ReplyBad, linger.ReplyFixed)
	cfg := flushtest.Config{SendBuffer: 1 << 20, RecvBuffer: 4 << 10,
		Reader: flushtest.StallAfter(0), WriteTimeout: 10 * time.Second}
	p, err := flushtest.TCP(cfg)
	if err != nil {
		return flushtest.Verdict{}, err
	}
	msg := f.text()[:64<<10]
	return p.Judge(int64(len(msg)), reply(p.Conn.Raw().(*net.TCPConn), msg))
}
