package unflushed

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"strconv"
)

// sendHello writes a greeting and returns without flushing.
func sendHello(conn net.Conn, name string) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("HELLO " + name + "\r\n"); err != nil {
		return err
	}
	return nil // LABEL: bad unflushed
}

// writeBatch returns early for an empty batch after the header was buffered.
func writeBatch(conn net.Conn, items []string) error {
	bw := bufio.NewWriter(conn)
	if _, err := fmt.Fprintf(bw, "BATCH %d\r\n", len(items)); err != nil {
		return err
	}
	if len(items) == 0 {
		return nil // LABEL: bad unflushed
	}
	for _, it := range items {
		if _, err := bw.WriteString(it + "\r\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// shipMetrics flushes every 100 lines; the last partial batch stays in the buffer.
func shipMetrics(conn net.Conn, lines []string) error {
	bw := bufio.NewWriter(conn)
	for i, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
		if (i+1)%100 == 0 {
			if err := bw.Flush(); err != nil {
				return err
			}
		}
	}
	return nil // LABEL: bad unflushed
}

// pump returns nil when asked to stop, leaving buffered messages behind.
func pump(conn net.Conn, msgs <-chan string, stop <-chan struct{}) error {
	bw := bufio.NewWriter(conn)
	for {
		select {
		case <-stop:
			return nil // LABEL: bad unflushed
		case m, ok := <-msgs:
			if !ok {
				return bw.Flush()
			}
			if _, err := bw.WriteString(m + "\n"); err != nil {
				return err
			}
		}
	}
}

// pumpCtx returns nil on cancellation with data still buffered.
func pumpCtx(ctx context.Context, conn net.Conn, msgs <-chan []byte) error {
	bw := bufio.NewWriter(conn)
	for {
		select {
		case <-ctx.Done():
			return nil // LABEL: bad unflushed
		case m := <-msgs:
			if _, err := bw.Write(m); err != nil {
				return err
			}
			if len(msgs) == 0 {
				if err := bw.Flush(); err != nil {
					return err
				}
			}
		}
	}
}

// negotiate answers per protocol version; the v1 branch forgets the flush.
func negotiate(conn net.Conn, version int) error {
	bw := bufio.NewWriter(conn)
	switch version {
	case 1:
		if _, err := bw.WriteString("V1 OK\r\n"); err != nil {
			return err
		}
		return nil // LABEL: bad unflushed
	case 2:
		if _, err := bw.WriteString("V2 OK\r\n"); err != nil {
			return err
		}
		return bw.Flush()
	default:
		return errors.New("unsupported version")
	}
}

// sendVia writes through a method value and never flushes.
func sendVia(conn net.Conn, words []string) error {
	bw := bufio.NewWriter(conn)
	put := bw.WriteString
	for _, w := range words {
		if _, err := put(w + " "); err != nil {
			return err
		}
	}
	return nil // LABEL: bad unflushed
}

// sendLogged touches the flush error by logging it and then reports success.
func sendLogged(conn net.Conn, msg string) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(msg); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		log.Printf("flush: %v", err)
	}
	return nil // LABEL: bad unflushed
}

// writeAllGeneric encodes items through a buffer and forgets to flush.
func writeAllGeneric[T any](conn net.Conn, items []T, enc func(T) string) error {
	bw := bufio.NewWriter(conn)
	for _, it := range items {
		if _, err := bw.WriteString(enc(it) + "\n"); err != nil {
			return err
		}
	}
	return nil // LABEL: bad unflushed
}

// reporter is a goroutine body that falls off its end with data buffered.
func reporter(conn net.Conn, counts <-chan int) {
	bw := bufio.NewWriter(conn)
	for c := range counts {
		if _, err := bw.WriteString(strconv.Itoa(c) + "\n"); err != nil {
			break
		}
	}
} // LABEL: bad unflushed

// quitAndClose buffers QUIT and closes the connection.
func quitAndClose(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("QUIT\r\n"); err != nil {
		return err
	}
	return conn.Close() // LABEL: bad unflushed
}

// ---- near-misses ----

// writeBatchOK flushes on the early return too.
func writeBatchOK(conn net.Conn, items []string) error {
	bw := bufio.NewWriter(conn)
	if _, err := fmt.Fprintf(bw, "BATCH %d\r\n", len(items)); err != nil {
		return err
	}
	if len(items) == 0 {
		return bw.Flush() // LABEL: ok unflushed
	}
	for _, it := range items {
		if _, err := bw.WriteString(it + "\r\n"); err != nil {
			return err // LABEL: ok unflushed
		}
	}
	return bw.Flush()
}

// shipMetricsOK flushes the remainder after the loop.
func shipMetricsOK(conn net.Conn, lines []string) error {
	bw := bufio.NewWriter(conn)
	for i, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
		if (i+1)%100 == 0 {
			if err := bw.Flush(); err != nil {
				return err
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return nil // LABEL: ok unflushed
}

// pumpOK flushes before returning on stop.
func pumpOK(conn net.Conn, msgs <-chan string, stop <-chan struct{}) error {
	bw := bufio.NewWriter(conn)
	for {
		select {
		case <-stop:
			return bw.Flush() // LABEL: ok unflushed
		case m := <-msgs:
			if _, err := bw.WriteString(m + "\n"); err != nil {
				return err
			}
		}
	}
}

// negotiateOK: every success branch flushes; the error branch wrote nothing.
func negotiateOK(conn net.Conn, version int) error {
	bw := bufio.NewWriter(conn)
	switch version {
	case 1:
		bw.WriteString("V1 OK\r\n")
	case 2:
		bw.WriteString("V2 OK\r\n")
	default:
		return fmt.Errorf("unsupported version %d", version) // LABEL: ok unflushed
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return nil
}

// validateThenSend returns a validation error after buffering: failure is reported.
func validateThenSend(conn net.Conn, fields map[string]string) error {
	bw := bufio.NewWriter(conn)
	for k, v := range fields {
		if v == "" {
			return fmt.Errorf("field %s is empty", k) // LABEL: ok unflushed
		}
		if _, err := bw.WriteString(k + ": " + v + "\r\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// sendViaFlush uses method values for both write and flush.
func sendViaFlush(conn net.Conn, words []string) error {
	bw := bufio.NewWriter(conn)
	put, flush := bw.WriteString, bw.Flush
	for _, w := range words {
		if _, err := put(w + " "); err != nil {
			return err
		}
	}
	return flush() // LABEL: ok unflushed
}

// writeAllGenericOK flushes.
func writeAllGenericOK[T fmt.Stringer](conn net.Conn, items []T) error {
	bw := bufio.NewWriter(conn)
	for _, it := range items {
		if _, err := bw.WriteString(it.String() + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush() // LABEL: ok unflushed
}

// sendOrPanic panics when the buffered write fails: not a success report.
func sendOrPanic(conn net.Conn, msg string) {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(msg); err != nil {
		panic(err) // LABEL: ok unflushed
	}
	if err := bw.Flush(); err != nil {
		panic(err)
	}
}

// sendOrDie exits the process on a failed flush.
func sendOrDie(conn net.Conn, msg string) {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(msg); err != nil {
		log.Fatalf("write: %v", err) // LABEL: ok unflushed
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "flush:", err)
		os.Exit(1)
	}
} // LABEL: ok unflushed

// idleClose returns before anything was written.
func idleClose(conn net.Conn, idle bool) error {
	bw := bufio.NewWriter(conn)
	if idle {
		return conn.Close() // LABEL: ok unflushed
	}
	if _, err := bw.WriteString("BYE\r\n"); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return conn.Close()
}

// quitAndCloseOK flushes before closing.
func quitAndCloseOK(conn net.Conn) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString("QUIT\r\n"); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		conn.Close()
		return err
	}
	return conn.Close() // LABEL: ok unflushed
}
