// Package flushtest provides destinations with deterministic
// backpressure and faults, a delivery ledger and a verdict, for tests of
// code that writes: does it report success while written bytes never
// arrived? It is the runtime companion of flushcheck's analyzers, the
// way net/http/httptest and testing/iotest accompany their packages.
//
// # Backpressure without sleeps
//
// A Pair is a connection whose writer end (Pair.Conn) goes to the code
// under test and whose far end is read by a Peer. The peer follows a
// ReadPolicy: StallAfter(k) reads k bytes and then stops until the test
// releases it; Paced reads at a set rate. TCP makes the pair over real
// loopback TCP with small SO_SNDBUF/SO_RCVBUF, Pipe over an in-memory
// buffered pipe; both honor write deadlines (Config.WriteTimeout). A
// stalled peer is a gate, not a timing: while it is stalled the writer
// can hand over no more than k bytes plus the buffers, whatever the
// load of the machine, so a write of more blocks until its deadline and
// fails. The time the deadline takes decides how long a run lasts,
// never how it ends.
//
// Socketpair (Linux) gives a non-blocking AF_UNIX socketpair for code that
// writes with raw system calls and sees EAGAIN and short counts; its
// WaitWritable is the poller such code should call, and it releases the
// peer. Sink is an in-memory final destination with faults: FailAfter
// (a full disk), ShortWrites, FailClose, and the Fail gate. BreakAfter
// makes a source that breaks mid-stream.
//
// # Ledger and verdict
//
// Every destination records in a Ledger each write with the bytes
// offered and accepted, each CloseWrite and Close in order, and the
// bytes the peer actually read. Watch a bufio.Writer on a Conn or Sink
// and the ledger also knows how many bytes were still buffered when
// the destination was closed. Judge compares bytes promised (a
// Content-Length, or a total the test declares) with bytes delivered
// and what the code reported; the Verdict's Outcome is Complete,
// Reported, or the bug: Truncated, success reported with bytes missing.
//
// # HTTP
//
// ServeSlow runs a handler on a real HTTP/1.1 server against a slow
// client and returns the status, the promised Content-Length, the body
// received and whether the handler returned (success) or aborted.
//
// A typical test:
//
//	p, err := flushtest.TCP(flushtest.Config{
//		SendBuffer: 4 << 10, RecvBuffer: 4 << 10,
//		Reader:       flushtest.StallAfter(64 << 10),
//		WriteTimeout: 50 * time.Millisecond,
//	})
//	if err != nil {
//		t.Fatal(err)
//	}
//	err = sendReport(p.Conn, rows) // the code under test
//	v, herr := p.Judge(int64(total), err)
//	if herr != nil {
//		t.Fatal(herr)
//	}
//	if v.Silent() {
//		t.Errorf("sendReport: %v", v) // silent truncation: success reported, ...
//	}
package flushtest
