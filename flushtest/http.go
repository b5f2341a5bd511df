package flushtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// ErrAborted is the handler outcome of a handler that panicked with
// http.ErrAbortHandler: the standard way for a handler to tell the
// server, and so the client, that its response is broken.
var ErrAborted = errors.New("flushtest: handler aborted the response")

// A Response is what a slow client received from one request, and what
// the handler reported.
type Response struct {
	Status        int    // 0 when no response header arrived
	ContentLength int64  // the declared Content-Length; -1 when none
	Body          []byte // the body bytes received, chunked encoding removed
	// ClientErr is the error of reading the response to its end (an
	// unexpected EOF, a reset); nil when the body ended cleanly.
	ClientErr error
	// Handler is nil when the handler returned, ErrAborted when it
	// panicked with http.ErrAbortHandler, another error for any other
	// panic.
	Handler error
	// Ledger holds the server's writes and closes on the connection and
	// the client's reads.
	Ledger *Ledger
}

// Verdict returns the verdict on the response: the promise is promised
// bytes, or the Content-Length when promised is negative; the report is
// the handler's (returning is success). PeerErr is ClientErr.
func (r *Response) Verdict(promised int64) Verdict {
	if promised < 0 {
		promised = r.ContentLength
	}
	v := Judge(promised, int64(len(r.Body)), r.Handler)
	v.Buffered = r.Ledger.BufferedAtClose()
	v.PeerErr = r.ClientErr
	return v
}

// ServeSlow serves req with h on a real loopback HTTP/1.1 server and
// returns what a slow client received. The server's sockets get
// cfg.SendBuffer; the client's socket gets cfg.RecvBuffer and reads as
// cfg.Reader says until the handler has finished (returned or
// panicked), then to the end. cfg.WriteTimeout is the server's write
// timeout: with a Reader that stalls it is set on the connection when
// the client stalls (see Config), otherwise it is the
// http.Server's WriteTimeout. A handler that hijacks the connection
// sets its own deadline: Hijack clears the server's. The request is
// sent with Connection: close.
func ServeSlow(h http.Handler, req *http.Request, cfg Config) (*Response, error) {
	lc := net.ListenConfig{Control: bufferControl(cfg.SendBuffer, 0)}
	ln, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("flushtest: listen: %w", err)
	}
	l := NewLedger()
	outcome := make(chan error, 1)
	rl := &recordingListener{Listener: ln, ledger: l, accepted: make(chan *Conn, 1)}
	srv := &http.Server{Handler: watchHandler(h, outcome), ErrorLog: log.New(io.Discard, "", 0)}
	var onStall func()
	if cfg.Reader.stall {
		onStall = func() { armServer(rl.accepted, cfg.WriteTimeout) }
	} else {
		srv.WriteTimeout = cfg.WriteTimeout
	}
	go srv.Serve(rl) //nolint:errcheck // ends with ErrServerClosed
	defer closeQuietly(srv)
	return fetch(ln.Addr().String(), req, cfg, l, outcome, onStall)
}

// armServer sets the write deadline of the server's connection, once
// it was accepted (it was: the client is reading its response).
func armServer(accepted <-chan *Conn, d time.Duration) {
	c := <-accepted
	if d > 0 {
		_ = c.Conn.SetWriteDeadline(time.Now().Add(d)) // fails only once closed
	}
}

// fetch sends req to addr, reads the response as cfg says, and waits
// for the handler's outcome before releasing the reader.
func fetch(addr string, req *http.Request, cfg Config, l *Ledger, outcome <-chan error, onStall func()) (*Response, error) {
	d := net.Dialer{Control: bufferControl(0, cfg.RecvBuffer), Timeout: cfg.timeout()}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("flushtest: dial: %w", err)
	}
	defer closeQuietly(c)
	req.Close = true
	if err := req.Write(c); err != nil {
		return nil, fmt.Errorf("flushtest: send request: %w", err)
	}
	peer := newPeer(c, l, cfg.Reader, onStall)
	handlerErr, herr := awaitHandler(outcome, cfg.timeout())
	peer.Release()
	_, perr := peer.Wait(cfg.timeout())
	if herr == nil && errors.Is(perr, ErrSafetyNet) {
		herr = perr
	}
	r := parseResponse(peer.Bytes(), req, perr)
	r.Handler, r.Ledger = handlerErr, l
	return r, herr
}

func awaitHandler(outcome <-chan error, timeout time.Duration) (error, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case err := <-outcome:
		return err, nil
	case <-t.C:
		return nil, fmt.Errorf("%w: the handler did not finish within %v", ErrSafetyNet, timeout)
	}
}

// watchHandler runs h and sends its outcome; panics go on to the server.
func watchHandler(h http.Handler, outcome chan<- error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			outcome <- panicError(v)
			if v != nil {
				panic(v)
			}
		}()
		h.ServeHTTP(w, r)
	})
}

func panicError(v any) error {
	switch {
	case v == nil:
		return nil
	case v == http.ErrAbortHandler:
		return ErrAborted
	default:
		return fmt.Errorf("flushtest: handler panicked: %v", v)
	}
}

// parseResponse reads the response out of the bytes the client got.
// perr is the error that ended the client's stream.
func parseResponse(data []byte, req *http.Request, perr error) *Response {
	r := &Response{ContentLength: -1}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(data)), req)
	if err != nil {
		r.ClientErr = firstError(perr, fmt.Errorf("flushtest: no response: %w", err))
		return r
	}
	defer closeQuietly(resp.Body)
	r.Status, r.ContentLength = resp.StatusCode, resp.ContentLength
	r.Body, err = io.ReadAll(resp.Body)
	if err != nil {
		r.ClientErr = firstError(perr, err)
	}
	return r
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// recordingListener wraps every accepted connection in a *Conn and
// hands the first one to accepted.
type recordingListener struct {
	net.Listener
	ledger   *Ledger
	accepted chan *Conn // capacity 1
}

func (l *recordingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	rc := newConn(c, l.ledger)
	select {
	case l.accepted <- rc:
	default: // not the first connection: the client dials once
	}
	return rc, nil
}
