package closeorder

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// rejectOverload writes a 503 and then resets the connection; the RST
// can discard the response before the peer reads it.
func rejectOverload(conn *net.TCPConn) {
	conn.Write([]byte("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))
	conn.SetLinger(0) // LABEL: bad closeorder
	conn.Close()
}

// sendAndReset flushes successfully, but a flush only hands bytes to the
// kernel; the abortive close drops whatever is still unsent.
func sendAndReset(conn *net.TCPConn, msg []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(msg)
	if err := bw.Flush(); err != nil {
		return err
	}
	conn.SetLinger(0) // LABEL: bad closeorder
	return conn.Close()
}

// closeFast says goodbye and resets through a type assertion.
func closeFast(conn net.Conn, goodbye string) {
	io.WriteString(conn, goodbye)
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // LABEL: bad closeorder
	}
	conn.Close()
}

// handleProbe answers and resets from a deferred closure.
func handleProbe(conn *net.TCPConn) error {
	defer func() {
		conn.SetLinger(0) // LABEL: bad closeorder
		conn.Close()
	}()
	_, err := conn.Write([]byte("OK\n"))
	return err
}

// abortWithStatus answers 429 on the hijacked connection, then resets it.
func abortWithStatus(w http.ResponseWriter, r *http.Request) {
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	brw.WriteString("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nConnection: close\r\n\r\n")
	if err := brw.Flush(); err != nil {
		conn.Close()
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // LABEL: bad closeorder
	}
	conn.Close()
}

type ircServer struct {
	mu   sync.Mutex
	idle map[*net.TCPConn]time.Time
}

// kick sends the error line and then resets the connection.
func (s *ircServer) kick(c *net.TCPConn, reason string) {
	fmt.Fprintf(c, "ERROR :Closing link (%s)\r\n", reason)
	c.SetLinger(0) // LABEL: bad closeorder
	c.Close()
}

// closeIdle resets idle connections this function never wrote to.
func (s *ircServer) closeIdle(maxIdle time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c, last := range s.idle {
		if time.Since(last) < maxIdle {
			continue
		}
		c.SetLinger(0) // LABEL: ok closeorder
		c.Close()
		delete(s.idle, c)
	}
}

// dropAbuser resets a connection before anything was written to it.
func dropAbuser(conn net.Conn) {
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // LABEL: ok closeorder
	}
	conn.Close()
}

// goodbyeWithTimeout bounds the close but still lets the kernel drain.
func goodbyeWithTimeout(conn *net.TCPConn, msg string) error {
	if _, err := io.WriteString(conn, msg); err != nil {
		conn.Close()
		return err
	}
	conn.SetLinger(5) // LABEL: ok closeorder
	return conn.Close()
}

// restoreDefaultLinger resets a pooled connection's linger to the
// default (graceful) behaviour before closing.
func restoreDefaultLinger(conn *net.TCPConn, msg []byte) error {
	if _, err := conn.Write(msg); err != nil {
		conn.Close()
		return err
	}
	conn.SetLinger(-1) // LABEL: ok closeorder
	return conn.Close()
}

// sendOrReset resets only after the write failed; the failure is
// reported and no written bytes are pending.
func sendOrReset(conn *net.TCPConn, p []byte) error {
	if _, err := conn.Write(p); err != nil {
		conn.SetLinger(0) // LABEL: ok closeorder
		conn.Close()
		return err
	}
	return conn.Close()
}

// probe only reads the banner, so the reset loses nothing of ours.
func probe(addr string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return "", err
	}
	tc := conn.(*net.TCPConn)
	tc.SetReadDeadline(time.Now().Add(2 * time.Second))
	buf := make([]byte, 128)
	n, err := tc.Read(buf)
	tc.SetLinger(0) // LABEL: ok closeorder
	tc.Close()
	if err != nil {
		return "", err
	}
	return string(buf[:n]), nil
}
