package flushtest_test

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/flushcheck/flushcheck/flushtest"
)

// A handler that ignores the error of its final flush, as in the story
// of flushcheck's SPEC: against a client that stalls after 64 KiB and a
// 20 ms write timeout, it answers 200 with a Content-Length of 1 MiB,
// sends a fraction of the body and finishes as if all was well.
func ExampleServeSlow() {
	body := make([]byte, 1<<20)
	handler := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
		//lint:ignore flushcheck the bug this example shows
		_ = http.NewResponseController(w).Flush()
	}
	req, _ := http.NewRequest("GET", "http://example/export", nil)
	resp, err := flushtest.ServeSlow(http.HandlerFunc(handler), req, flushtest.Config{
		SendBuffer: 4 << 10, RecvBuffer: 4 << 10,
		Reader:       flushtest.StallAfter(64 << 10),
		WriteTimeout: 20 * time.Millisecond,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	v := resp.Verdict(-1)
	fmt.Println(resp.Status, resp.ContentLength, v.Outcome, v.Delivered < v.Promised)
	// Output: 200 1048576 silent truncation true
}
