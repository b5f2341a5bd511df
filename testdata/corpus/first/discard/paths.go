package discard

import (
	"bufio"
	"context"
	"fmt"
	"log"
	"net"
	"os"
)

// abortStream drops the flush and panics: nothing reports success.
func abortStream(conn net.Conn, cause error) {
	bw := bufio.NewWriter(conn)
	fmt.Fprintf(bw, "ERR %v\r\n", cause)
	bw.Flush() // LABEL: ok discard
	panic(cause)
}

// writeOrDie drops the close and exits through log.Fatal.
func writeOrDie(path string, data []byte) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close() // LABEL: ok discard
		log.Fatalf("write %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		log.Fatalf("close %s: %v", path, err)
	}
}

// exitOnFailure drops the flush and exits non-zero.
func exitOnFailure(bw *bufio.Writer, err error) {
	bw.Flush() // LABEL: ok discard
	fmt.Fprintln(os.Stderr, "fatal:", err)
	os.Exit(1)
}

// protocolError writes an error frame, ignores that write, and returns the protocol error.
func protocolError(conn net.Conn, code int) error {
	bw := bufio.NewWriter(conn)
	fmt.Fprintf(bw, "-ERR %d\r\n", code)
	_ = bw.Flush() // LABEL: ok discard
	return fmt.Errorf("protocol error %d", code)
}

// handleCmd ignores a reply flush only in the failing branch of a switch.
func handleCmd(conn net.Conn, cmd string) error {
	bw := bufio.NewWriter(conn)
	switch cmd {
	case "PING":
		bw.WriteString("+PONG\r\n")
		return bw.Flush()
	default:
		bw.WriteString("-ERR unknown\r\n")
		bw.Flush() // LABEL: ok discard
		return fmt.Errorf("unknown command %q", cmd)
	}
}

// serveUntil flushes on shutdown, ignores the result and returns nil.
func serveUntil(ctx context.Context, conn net.Conn, msgs <-chan string) error {
	bw := bufio.NewWriter(conn)
	for {
		select {
		case <-ctx.Done():
			bw.Flush() // LABEL: bad discard
			return nil
		case m := <-msgs:
			if _, err := bw.WriteString(m); err != nil {
				return err
			}
		}
	}
}

// flushAndLog logs a dropped flush and still returns nil: it is a success report.
func flushAndLog(conn net.Conn, msg string) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(msg); err != nil {
		return err
	}
	_ = bw.Flush() // LABEL: bad discard
	log.Printf("sent %q", msg)
	return nil
}

// writeShards defers each shard file's Close inside a loop.
func writeShards(dir string, shards [][]byte) error {
	for i, s := range shards {
		f, err := os.Create(fmt.Sprintf("%s/shard-%03d", dir, i))
		if err != nil {
			return err
		}
		defer f.Close() // LABEL: bad discard
		if _, err := f.Write(s); err != nil {
			return err
		}
	}
	return nil
}

// writeReply drops the flush in the success branch; the failing branch returns.
func writeReply(conn net.Conn, ok bool) error {
	bw := bufio.NewWriter(conn)
	if !ok {
		bw.WriteString("NO\r\n")
		bw.Flush() // LABEL: ok discard
		return fmt.Errorf("refused")
	}
	bw.WriteString("OK\r\n")
	bw.Flush() // LABEL: bad discard
	return nil
}
