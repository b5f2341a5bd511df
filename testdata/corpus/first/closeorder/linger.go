package closeorder

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"time"
)

// rejectFast writes a refusal and resets the connection: SetLinger(0)
// makes Close send RST, and the kernel drops the unsent refusal.
func rejectFast(conn *net.TCPConn, reason string) error {
	if _, err := fmt.Fprintf(conn, "-ERR %s\r\n", reason); err != nil {
		return err
	}
	conn.SetLinger(0) // LABEL: bad closeorder
	return conn.Close()
}

// serveOnce turns on abortive close up front and then answers: the answer
// may still be in the socket buffer when Close resets the connection.
func serveOnce(conn *net.TCPConn, answer []byte) error {
	if err := conn.SetLinger(0); err != nil { // LABEL: bad closeorder
		return err
	}
	if _, err := conn.Write(answer); err != nil {
		conn.Close()
		return err
	}
	return conn.Close()
}

// shutdownClient flushes the goodbye and then resets the connection.
func shutdownClient(conn *net.TCPConn) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("BYE\r\n"); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_ = conn.SetLinger(0) // LABEL: bad closeorder
	return conn.Close()
}

// ---- near-misses ----

// dropIdle resets a connection it never wrote to.
func dropIdle(conn *net.TCPConn, idle time.Duration) error {
	if err := conn.SetReadDeadline(time.Now().Add(idle)); err != nil {
		return err
	}
	if _, err := io.ReadFull(conn, make([]byte, 1)); err == nil {
		return nil
	}
	conn.SetLinger(0) // LABEL: ok closeorder
	return conn.Close()
}

// abortOnWriteError resets the connection only after the write failed; the
// function reports that failure.
func abortOnWriteError(conn *net.TCPConn, p []byte) error {
	if _, err := conn.Write(p); err != nil {
		conn.SetLinger(0) // LABEL: ok closeorder
		conn.Close()
		return fmt.Errorf("write failed, connection reset: %w", err)
	}
	return conn.Close()
}

// gracefulLinger waits up to five seconds for unsent data before closing.
func gracefulLinger(conn *net.TCPConn, p []byte) error {
	if _, err := conn.Write(p); err != nil {
		return err
	}
	if err := conn.SetLinger(5); err != nil { // LABEL: ok closeorder
		return err
	}
	return conn.Close()
}

// healthProbe connects, reads a banner, and resets: nothing was written.
func healthProbe(addr string) (string, error) {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return "", err
	}
	tc := c.(*net.TCPConn)
	banner, err := bufio.NewReader(tc).ReadString('\n')
	tc.SetLinger(0) // LABEL: ok closeorder
	tc.Close()
	return banner, err
}
