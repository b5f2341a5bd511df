package paths2

import (
	"io"
	"net"
	"os"
	"testing"
)

func echo(w io.Writer, r io.Reader) error { _, err := io.Copy(w, r); return err }

// TestConn is a conformance test in a non-_test file (like x/net/nettest):
// the echo goroutine ends by design when the test closes the connection.
func TestConn(t *testing.T, c1, c2 net.Conn) {
	go echo(c2, c2) // ok: test code; a lost byte fails the test
	go func() {
		c1.Write(make([]byte, 8)) // ok: a closure inside test code
	}()
	if _, err := c1.Write([]byte("ping")); err != nil {
		t.Fatal(err)
	}
	c1.Close()
}

// serveEcho is the same without a testing.TB: a server.
func serveEcho(c1, c2 net.Conn) {
	go echo(c2, c2) // want `error from paths2.echo to c2 is discarded in a goroutine`
	c1.Close()
}

// dumpToFile takes a testing.TB but reports the name of the file it
// wrote: that is a success reported to its caller.
func dumpToFile(t testing.TB, b []byte) string {
	f, err := os.CreateTemp(t.TempDir(), "dump")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() // want `error from \(\*os.File\).Close on f is discarded in a deferred call`
	if _, err := f.Write(b); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}
