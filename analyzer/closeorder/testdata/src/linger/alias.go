package linger

import (
	"bufio"
	"io"
	"net"
	"net/http"
)

// --- the alias made by a type assertion after the write ---

func writeThenAssert(conn net.Conn, msg string) {
	io.WriteString(conn, msg)
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // want `tc.SetLinger\(0\) makes conn.Close\(\) reset net.Conn "conn", which this function wrote to; unsent bytes are dropped`
	}
	conn.Close()
}

func assertThenNothingWritten(conn net.Conn) { // ok: the assertion aliases conn, and nothing was written to it
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

func hijackedThenAssert(w http.ResponseWriter) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	brw.WriteString("HTTP/1.1 429 Too Many Requests\r\n\r\n")
	if err := brw.Flush(); err != nil {
		conn.Close()
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // want `tc.SetLinger\(0\) makes conn.Close\(\) reset net.Conn "conn", which this function wrote to; unsent bytes are dropped`
	}
	conn.Close()
}

// --- one call that finishes the writer and closes its destination ---

// relayAndClose flushes bw, then closes conn: the order is its own.
func relayAndClose(conn net.Conn, bw *bufio.ReadWriter) error {
	defer conn.Close()
	return bw.Flush()
}

// closeAndRelay closes conn, then flushes bw.
func closeAndRelay(conn net.Conn, bw *bufio.Writer) error {
	conn.Close()
	return bw.Flush()
}

func tunnel(w http.ResponseWriter) { // ok: relayAndClose flushes brw before it closes conn; its order is its own to keep
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	brw.WriteString("HTTP/1.1 200 Connection Established\r\n\r\n")
	if err := relayAndClose(conn, brw); err != nil {
		return
	}
}

func closeBeforeHelperFlush(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString("bye\r\n")
	conn.Close() // want `conn.Close\(\) runs before closeAndRelay\(conn, bw\)`
	return closeAndRelay(conn, bw)
}
