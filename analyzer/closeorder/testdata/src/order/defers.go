package order

import (
	"bufio"
	"compress/gzip"
	"encoding/base64"
	"encoding/csv"
	"net"
	"net/http"
	"os"
)

// --- defer order: defers run last in, first out ---

func deferWrongOrder(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	defer gz.Close()
	defer f.Close() // want `defer f.Close\(\) runs before defer gz.Close\(\); the gzip footer is written to a closed file`
	_, err = gz.Write(p)
	return err
}

func deferRightOrder(path string, p []byte) error { // ok: f.Close is deferred first, so it runs last
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz := gzip.NewWriter(f)
	defer gz.Close()
	_, err = gz.Write(p)
	return err
}

func deferSafetyNet(path string, p []byte) error { // ok: gz is closed explicitly; the deferred Close has nothing left
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	defer gz.Close()
	defer f.Close()
	if _, err := gz.Write(p); err != nil {
		return err
	}
	return gz.Close()
}

func deferOnlyFailing(path string, p []byte) error { // ok: the only path left to the defers returns an error
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	defer gz.Close()
	defer f.Close()
	if _, err := gz.Write(p); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return nil
}

func deferBufioConn(conn net.Conn, lines []string) error {
	bw := bufio.NewWriter(conn)
	defer bw.Flush()
	defer conn.Close() // want `defer conn.Close\(\) runs before defer bw.Flush\(\); buffered bytes of bufio.Writer "bw" are written to a closed connection`
	for _, l := range lines {
		bw.WriteString(l)
	}
	return nil
}

func deferBufioNothingWritten(conn net.Conn) error { // ok: nothing is ever buffered
	bw := bufio.NewWriter(conn)
	defer bw.Flush()
	defer conn.Close()
	return nil
}

func deferClosures(path string, p []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, f)
	defer func() {
		if cerr := enc.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	defer func() { // want `f.Close\(\) in a deferred function runs before enc.Close\(\) in a deferred function; the final base64 block is written to a closed file`
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = enc.Write(p)
	return err
}

func deferClosureOK(path string, p []byte) (err error) { // ok: one deferred function, in the right order
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, f)
	defer func() {
		if cerr := enc.Close(); cerr != nil && err == nil {
			err = cerr
		}
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = enc.Write(p)
	return err
}

func deferClosureWrongInside(path string, p []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := base64.NewEncoder(base64.StdEncoding, f)
	defer func() {
		f.Close() // want `f.Close\(\) runs before enc.Close\(\); the final base64 block is written to a closed file`
		if cerr := enc.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = enc.Write(p)
	return err
}

func explicitCloseDeferredFinish(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	defer w.Flush()
	for _, r := range rows {
		w.Write(r)
	}
	return f.Close() // want `f.Close\(\) runs before the deferred w.Flush\(\); buffered records of csv.Writer "w" are written to a closed file`
}

func explicitCloseDeferredFinishOK(path string, rows [][]string) error { // ok: flushed before the close; the deferred Flush has nothing left
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	defer w.Flush()
	for _, r := range rows {
		w.Write(r)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func explicitCloseOnErrorOnly(path string, rows [][]string) error { // ok: the close before the deferred Flush is on a failing path
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	defer w.Flush()
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			f.Close()
			return err
		}
	}
	return nil
}

func handler(conn net.Conn) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		bw := bufio.NewWriter(conn)
		defer bw.Flush()
		defer conn.Close() // want `defer conn.Close\(\) runs before defer bw.Flush\(\)`
		bw.WriteString(r.URL.Path)
	}
}

func handlerOK() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // ok: the response writer is never closed
		gz := gzip.NewWriter(w)
		defer gz.Close()
		gz.Write([]byte(r.URL.Path))
	}
}

func deferMethodValue(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	finish := gz.Close
	defer finish()
	defer f.Close() // want `defer f.Close\(\) runs before defer finish\(\); the gzip footer is written to a closed file`
	_, err = gz.Write(p)
	return err
}

func closeQuietly(c interface{ Close() error }) { _ = c.Close() }

func deferHelperClose(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	defer zw.Close()
	defer closeQuietly(f) // want `defer closeQuietly\(f\) runs before defer zw.Close\(\); the gzip footer is written to a closed file`
	_, err = zw.Write(p)
	return err
}

func deferHelperCloseOK(path string, p []byte) error { // ok: the helper closes f last
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer closeQuietly(f)
	zw := gzip.NewWriter(f)
	defer zw.Close()
	_, err = zw.Write(p)
	return err
}

// A deferred function literal is reported at its defer statement, the
// statement to move, not at the call inside it.
func deferClosureLogs(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	defer func() {
		if err := zw.Close(); err != nil {
			println("gzip:", err.Error())
		}
	}()
	defer func() { // want `f.Close\(\) in a deferred function runs before zw.Close\(\) in a deferred function; the gzip footer is written to a closed file`
		if err := f.Close(); err != nil {
			println("close:", err.Error())
		}
	}()
	_, err = zw.Write(p)
	return err
}

func deferClosureLogsOK(path string, p []byte) error { // ok: the file's closure is deferred first, so it runs last
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if err := f.Close(); err != nil {
			println("close:", err.Error())
		}
	}()
	zw := gzip.NewWriter(f)
	defer func() {
		if err := zw.Close(); err != nil {
			println("gzip:", err.Error())
		}
	}()
	_, err = zw.Write(p)
	return err
}

// A read error ends the input (io.EOF is how a stream ends), not the
// output: a return in its error check, in a function with no error to
// return, is a normal exit, and the defers run on it.
func echoLines(conn net.Conn) {
	bw := bufio.NewWriter(conn)
	defer func() {
		if err := bw.Flush(); err != nil {
			println("flush:", err.Error())
		}
	}()
	defer conn.Close() // want `defer conn.Close\(\) runs before bw.Flush\(\) in a deferred function; buffered bytes of bufio.Writer "bw" are written to a closed connection`
	br := bufio.NewReader(conn)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		if _, err := bw.WriteString(line); err != nil {
			return
		}
	}
}

func pushUntilBroken(conn net.Conn, lines <-chan string) { // ok: the only return follows a failed write, which reports the loss
	bw := bufio.NewWriter(conn)
	defer bw.Flush()
	defer conn.Close()
	for {
		if _, err := bw.WriteString(<-lines); err != nil {
			return
		}
	}
}
