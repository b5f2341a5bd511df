package unflushed

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"time"

	"heldout2/third/errgroup"
)

// quit sends QUIT and hangs up; the command is still in the buffer.
func quit(addr string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(conn)
	bw.WriteString("QUIT\r\n")
	return conn.Close() // LABEL: bad unflushed
}

// sendCommand sends one command and hangs up. Failures close the
// connection and report the error.
func sendCommand(conn net.Conn, cmd string) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.WriteString(cmd + "\r\n"); err != nil {
		conn.Close() // LABEL: ok unflushed
		return err
	}
	if err := bw.Flush(); err != nil {
		conn.Close()
		return err
	}
	return conn.Close() // LABEL: ok unflushed
}

// linesReader streams records through a pipe. The producer closes the
// pipe while the last lines are still buffered.
func linesReader(recs []string) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriter(pw)
		for _, r := range recs {
			fmt.Fprintln(bw, r)
		}
		pw.Close() // LABEL: bad unflushed
	}()
	return pr
}

// linesReaderFlushed hands the flush result to the reader side.
func linesReaderFlushed(recs []string) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriter(pw)
		for _, r := range recs {
			fmt.Fprintln(bw, r)
		}
		pw.CloseWithError(bw.Flush()) // LABEL: ok unflushed
	}()
	return pr
}

// keepalive pings until stop is closed, then says goodbye; the goodbye is
// buffered when the goroutine reports success.
func keepalive(ctx context.Context, conn net.Conn, stop <-chan struct{}) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		bw := bufio.NewWriter(conn)
		t := time.NewTicker(15 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				bw.WriteString("PING\r\n")
				if err := bw.Flush(); err != nil {
					return err
				}
			case <-stop:
				bw.WriteString("BYE\r\n")
				return nil // LABEL: bad unflushed
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	})
	return g.Wait()
}

// pump forwards messages in batches. Cancellation reports an error; a
// closed channel reports success with the last batch still buffered.
func pump(ctx context.Context, conn net.Conn, msgs <-chan []byte) error {
	bw := bufio.NewWriterSize(conn, 64<<10)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err() // LABEL: ok unflushed
		case m, ok := <-msgs:
			if !ok {
				return nil // LABEL: bad unflushed
			}
			if _, err := bw.Write(m); err != nil {
				return err
			}
			if bw.Buffered() >= 32<<10 {
				if err := bw.Flush(); err != nil {
					return err
				}
			}
		}
	}
}
