package discard

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
)

// sendPing: the flush result is blanked and the function reports success.
func sendPing(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("PING\r\n"); err != nil {
		return err
	}
	_ = bw.Flush() // LABEL: bad discard
	return nil
}

// sendQuit: flush as a bare expression statement.
func sendQuit(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("QUIT\r\n"); err != nil {
		return err
	}
	bw.Flush() // LABEL: bad discard
	return nil
}

// writeCommands: the flush is deferred, its error lost.
func writeCommands(conn net.Conn, cmds []string) error {
	bw := bufio.NewWriter(conn)
	defer bw.Flush() // LABEL: bad discard
	for _, c := range cmds {
		if _, err := bw.WriteString(c + "\r\n"); err != nil {
			return err
		}
	}
	return nil
}

// writeFrame keeps the short count and drops the error.
func writeFrame(conn net.Conn, frame []byte) (int, error) {
	n, _ := conn.Write(frame) // LABEL: bad discard
	return n, nil
}

// sendAuth checks the flush error and does nothing with it.
func sendAuth(conn net.Conn, token string) error {
	bw := bufio.NewWriter(conn)
	if _, err := fmt.Fprintf(bw, "AUTH %s\r\n", token); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil { // LABEL: bad discard
	}
	return nil
}

// sendBanner writes a greeting to a client connection and ignores the result.
func sendBanner(conn net.Conn) {
	io.WriteString(conn, "220 ready\r\n") // LABEL: bad discard
}

// replyStatus prints a status line into the connection.
func replyStatus(conn net.Conn, code int, msg string) {
	fmt.Fprintf(conn, "%d %s\r\n", code, msg) // LABEL: bad discard
}

// finishUpload half-closes after the payload; the FIN's error is dropped.
func finishUpload(c *net.TCPConn, payload []byte) error {
	if _, err := c.Write(payload); err != nil {
		return err
	}
	c.CloseWrite() // LABEL: bad discard
	return nil
}

// heartbeat blanks both results of a raw write.
func heartbeat(conn net.Conn) {
	_, _ = conn.Write([]byte{0}) // LABEL: bad discard
}

// pushBatch drops the flush error; one later branch fails, the main one succeeds.
func pushBatch(conn net.Conn, batch [][]byte, strict bool) error {
	bw := bufio.NewWriter(conn)
	for _, b := range batch {
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	_ = bw.Flush() // LABEL: bad discard
	if strict && len(batch) == 0 {
		return errors.New("empty batch")
	}
	return nil
}

// sendVersion writes one byte through a bufio.Writer and flushes nothing checked.
func sendVersion(conn net.Conn, v byte) error {
	bw := bufio.NewWriterSize(conn, 16)
	if err := bw.WriteByte(v); err != nil {
		return err
	}
	go bw.Flush() // LABEL: bad discard
	return nil
}

// ---- near-misses ----

// sendLines ignores sticky bufio write errors; the final Flush is returned.
func sendLines(conn net.Conn, lines []string) error {
	bw := bufio.NewWriter(conn)
	for _, l := range lines {
		bw.WriteString(l + "\n") // LABEL: ok discard
	}
	return bw.Flush()
}

// sendTerminated ignores a sticky WriteByte; Flush is checked.
func sendTerminated(conn net.Conn, msg []byte) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(msg); err != nil {
		return err
	}
	bw.WriteByte(0) // LABEL: ok discard
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("send: %w", err)
	}
	return nil
}

// sendOrFail drops the flush only on a path that returns the write error.
func sendOrFail(conn net.Conn, msg []byte) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(msg); err != nil {
		_ = bw.Flush() // LABEL: ok discard
		return fmt.Errorf("write: %w", err)
	}
	return bw.Flush()
}

// probe closes a net.Conn with defer: closing a connection reports nothing about delivery.
func probe(addr string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close() // LABEL: ok discard
	if _, err := conn.Write([]byte("PROBE\n")); err != nil {
		return err
	}
	return nil
}

// writeAll blanks the count but keeps the error.
func writeAll(conn net.Conn, p []byte) error {
	_, err := conn.Write(p) // LABEL: ok discard
	return err
}

// relayLine returns the write error together with the count.
func relayLine(conn net.Conn, line string) (int, error) {
	n, err := io.WriteString(conn, line+"\n") // LABEL: ok discard
	return n, err
}

// rejectClient writes a refusal and returns an error describing the refusal.
func rejectClient(conn net.Conn, reason string) error {
	fmt.Fprintf(conn, "-ERR %s\r\n", reason) // LABEL: ok discard
	conn.Close()
	return fmt.Errorf("rejected client: %s", reason)
}

// closeListener closes a listener, which is not a writer.
func closeListener(ln net.Listener) {
	ln.Close() // LABEL: ok discard
}

// finishRequest checks CloseWrite.
func finishRequest(c *net.TCPConn, req []byte) error {
	if _, err := c.Write(req); err != nil {
		return err
	}
	if err := c.CloseWrite(); err != nil { // LABEL: ok discard
		return fmt.Errorf("half-close: %w", err)
	}
	return nil
}

// streamRows flushes after every row to cut latency and ignores those
// flushes: bufio.Writer keeps its first error and the final Flush returns it.
func streamRows(conn net.Conn, rows []string) error {
	bw := bufio.NewWriter(conn)
	for _, r := range rows {
		bw.WriteString(r + "\n")
		bw.Flush() // LABEL: ok discard
	}
	return bw.Flush()
}
