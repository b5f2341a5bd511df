package a

import (
	"bufio"
	"net"
	"os"
)

func overwritten(f *os.File, bw *bufio.Writer) error {
	err := bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is assigned to err and overwritten before it is read; buffered bytes may not be written`
	err = f.Sync()
	return err
}

func neverRead(conn net.Conn, p []byte, err error) int {
	n := 0
	n, err = conn.Write(p) // want `error from \(net.Conn\).Write on conn is assigned to err and never read; a short or failed write goes unnoticed`
	return n
}

func readOnOnePath(conn net.Conn, p []byte, retry bool) error {
	_, err := conn.Write(p) // ok: read on every path
	if retry && err != nil {
		_, err = conn.Write(p)
	}
	return err
}

func namedBare(bw *bufio.Writer) (err error) {
	err = bw.Flush() // ok: a bare return returns it
	return
}

func capturedByDefer(path string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(path)
		}
	}()
	_, err = f.WriteString("x") // ok: the deferred closure reads err
	err = f.Close()
	return
}

func blankedLater(bw *bufio.Writer) {
	err := bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is assigned to err and never read`
	_ = err
}

func checkedLater(bw *bufio.Writer) error {
	err := bw.Flush() // ok: checked below
	if err != nil {
		return err
	}
	return nil
}

func keepFirst(f *os.File, p []byte) error {
	_, err := f.Write(p)
	if err1 := f.Close(); err == nil { // ok: when err1 is dropped, err is already non-nil and returned
		err = err1
	}
	return err
}

func countChecked(conn net.Conn, p []byte) (int, error) {
	n, err := conn.Write(p) // ok: the count decides the outcome on the path that drops err
	if n == len(p) {
		return n, nil
	}
	return n, err
}

func deferredFlushWritesChecked(conn net.Conn, cmds []string) error {
	bw := bufio.NewWriter(conn)
	defer bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded in a deferred call; buffered bytes may not be written`
	for _, c := range cmds {
		if _, err := bw.WriteString(c); err != nil {
			return err
		}
	}
	return nil
}

func flushThenReturnInLoop(conn net.Conn, msgs <-chan string, done <-chan struct{}) error {
	bw := bufio.NewWriter(conn)
	for {
		select {
		case <-done:
			bw.Flush() // want `error from \(\*bufio.Writer\).Flush on bw is discarded just before returning`
			return nil
		case m := <-msgs:
			if _, err := bw.WriteString(m); err != nil {
				return err
			}
		}
	}
}

func flushThenCheckedWrite(conn net.Conn, a, b string) error {
	bw := bufio.NewWriter(conn)
	bw.WriteString(a)
	bw.Flush() // ok: sticky, the checked write below returns the same error
	if _, err := bw.WriteString(b); err != nil {
		return err
	}
	return bw.Flush()
}
