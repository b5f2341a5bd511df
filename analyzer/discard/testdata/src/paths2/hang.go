package paths2

import (
	"io"
	"net/http"
	"os"
	"time"
)

type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

// Handler writes forever: the copy only ends on an error, and then the
// handler hangs until it is killed, never reporting success.
func Handler(w http.ResponseWriter, r *http.Request) {
	io.Copy(w, endless{}) // ok: no path from here returns
	for {
		time.Sleep(time.Second)
	}
}

// exitAfter ends the process after the copy.
func exitAfter(w http.ResponseWriter, src *os.File) {
	io.Copy(w, src) // ok: os.Exit follows on every path
	if src.Name() == "" {
		os.Exit(2)
	}
	os.Exit(0)
}

// handlerHead returns for a HEAD request after the copy.
func handlerHead(w http.ResponseWriter, r *http.Request) {
	io.Copy(w, endless{}) // want `error from io.Copy to w is discarded`
	if r.Method == http.MethodHead {
		return
	}
	for {
		time.Sleep(time.Second)
	}
}
