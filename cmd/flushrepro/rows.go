package main

import (
	"iter"

	"github.com/flushcheck/flushcheck/flushtest"
	"github.com/flushcheck/flushcheck/testdata/reproducers/broadcast"
	"github.com/flushcheck/flushcheck/testdata/reproducers/csvexport"
	"github.com/flushcheck/flushcheck/testdata/reproducers/download"
	"github.com/flushcheck/flushcheck/testdata/reproducers/framerelay"
	"github.com/flushcheck/flushcheck/testdata/reproducers/hijack"
	"github.com/flushcheck/flushcheck/testdata/reproducers/journal"
	"github.com/flushcheck/flushcheck/testdata/reproducers/lineserver"
	"github.com/flushcheck/flushcheck/testdata/reproducers/proxy"
	"github.com/flushcheck/flushcheck/testdata/reproducers/zipexport"
)

// A row is one rule of one check, reproduced: the package under
// testdata/reproducers holding its bad and fixed shapes, and run, which
// runs one shape once under the rule's pressure and judges it.
type row struct {
	check    string // the analyzer, as named in the suite
	rule     string // the rule, as the check's documentation words it
	pkg      string // the reproducer package
	pattern  string // the bad shape, for the table
	pressure string // what makes it fail, for the table
	run      func(fixed bool) (flushtest.Verdict, error)
}

// rows returns every reproducer, check by check. A row may name a check
// that is not in the suite yet: its shapes run all the same, and the
// analyzer test reports it pending until the check joins the suite.
func rows() []row {
	f := newFixtures()
	var all []row
	all = append(all, f.discardRows()...)
	all = append(all, f.pollpendingRows()...)
	all = append(all, f.unflushedRows()...)
	all = append(all, f.closeorderRows()...)
	return all
}

func (f *fixtures) discardRows() []row {
	return []row{
		{"discard", "assigned to the blank identifier", "lineserver",
			"`_ = bw.Flush()` in a line-protocol reply", "slow reader + write deadline", f.runLineserver},
		{"discard", "ignored as a statement", "framerelay",
			"`dst.Write(frame)` in a frame relay", "slow reader + write deadline (in-memory pipe)", f.runFramerelay},
		{"discard", "ignored as a statement", "download",
			"`ResponseController.Flush()` ignored after a Content-Length body", "slow HTTP client + WriteTimeout", f.runDownload},
		{"discard", "deferred", "zipexport",
			"`defer zw.Close()` on a zip export", "destination fails after the last file", f.runZipexport},
		{"discard", "run with go", "broadcast",
			"`go s.bw.Flush()` in a publisher", "slow reader + write deadline", f.runBroadcast},
		{"discard", "checked into nothing", "hijack",
			"`if err := rw.Flush(); err != nil {}` on a hijacked connection", "slow HTTP client + WriteTimeout", f.runHijack},
		{"discard", "never read: csv.Writer.Flush without Error()", "csvexport",
			"`cw.Flush()` with no `cw.Error()`", "disk full halfway", f.runCSV},
		{"discard", "assigned and overwritten before it is read", "journal",
			"`err := bw.Flush(); err = f.Sync()`", "disk full halfway", f.runJournal},
		{"discard", "copy from a source that fails mid-stream into a ResponseWriter", "proxy",
			"`io.Copy(w, resp.Body)` in a reverse proxy", "upstream breaks after a third", f.runProxy},
	}
}

func (f *fixtures) runLineserver(fixed bool) (flushtest.Verdict, error) {
	reply := pick(fixed, lineserver.ReplyBad, lineserver.ReplyFixed)
	rows, total := f.rows()
	p, err := flushtest.TCP(stalled())
	if err != nil {
		return flushtest.Verdict{}, err
	}
	return p.Judge(total, reply(p.Conn, rows))
}

func (f *fixtures) runFramerelay(fixed bool) (flushtest.Verdict, error) {
	relay := pick(fixed, framerelay.RelayBad, framerelay.RelayFixed)
	src := frames(256, 4092)
	p := flushtest.Pipe(stalled())
	return p.Judge(int64(len(src)), relay(p.Conn, newReader(src)))
}

func (f *fixtures) runDownload(fixed bool) (flushtest.Verdict, error) {
	h := pick(fixed, download.HandlerBad, download.HandlerFixed)
	return serve(h(f.text()), stalled(), payload)
}

func (f *fixtures) runZipexport(fixed bool) (flushtest.Verdict, error) {
	export := pick(fixed, zipexport.ExportBad, zipexport.ExportFixed)
	files, size, err := f.zipFiles()
	if err != nil {
		return flushtest.Verdict{}, err
	}
	s := flushtest.NewSink()
	return s.Judge(size, export(s, fileSeq(files, s))), nil
}

// fileSeq yields files; after the last one is written, s (when set)
// starts failing: the disk fills up just as the archive is finished.
func fileSeq(files []zipexport.File, s *flushtest.Sink) iter.Seq[zipexport.File] {
	return func(yield func(zipexport.File) bool) {
		for _, f := range files {
			if !yield(f) {
				return
			}
		}
		if s != nil {
			s.Fail(nil)
		}
	}
}

func (f *fixtures) runBroadcast(fixed bool) (flushtest.Verdict, error) {
	p, err := flushtest.TCP(stalled())
	if err != nil {
		return flushtest.Verdict{}, err
	}
	msg := f.text()
	if fixed {
		subs := []*broadcast.SubscriberFixed{broadcast.NewSubscriberFixed(p.Conn)}
		return p.Judge(int64(len(msg)), broadcast.PublishFixed(subs, msg))
	}
	subs := []*broadcast.SubscriberBad{broadcast.NewSubscriberBad(p.Conn)}
	return p.Judge(int64(len(msg)), broadcast.PublishBad(subs, msg))
}

func (f *fixtures) runHijack(fixed bool) (flushtest.Verdict, error) {
	h := pick(fixed, hijack.HandlerBad, hijack.HandlerFixed)
	return serve(h(f.text(), writeTimeout), stalled(), payload)
}

func (f *fixtures) runCSV(fixed bool) (flushtest.Verdict, error) {
	write := pick(fixed, csvexport.WriteBad, csvexport.WriteFixed)
	recs, size, err := f.csv()
	if err != nil {
		return flushtest.Verdict{}, err
	}
	s := flushtest.NewSink(flushtest.FailAfter(size/2, nil))
	return s.Judge(size, write(s, recs)), nil
}

func (f *fixtures) runJournal(fixed bool) (flushtest.Verdict, error) {
	appendEntries := pick(fixed, journal.AppendBad, journal.AppendFixed)
	entries, total := lines(4096, 99)
	s := flushtest.NewSink(flushtest.FailAfter(total/2, nil))
	return s.Judge(total, appendEntries(syncSink{s}, entries)), nil
}

func (f *fixtures) runProxy(fixed bool) (flushtest.Verdict, error) {
	h := pick(fixed, proxy.HandlerBad, proxy.HandlerFixed)
	data := f.text()
	return serve(h(brokenUpstream(data, payload/3), "http://upstream"), flushtest.Config{}, int64(len(data)))
}
