package discard

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"net"
	"os"
)

// closeClient overwrites the Flush error with the connection's Close result.
func closeClient(conn net.Conn, bye []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(bye)
	err := bw.Flush() // LABEL: bad discard
	err = conn.Close()
	return err
}

// appendMarker stores the Sync error and never reads it.
func appendMarker(f *os.File, marker string) (int, error) {
	n, err := f.WriteString(marker)
	if err != nil {
		return 0, err
	}
	err = f.Sync() // LABEL: bad discard
	return n, nil
}

// appendAll keeps only the last iteration's write error: a write that
// failed in the middle (ENOSPC, EIO) leaves a hole in the file and the
// function can still return nil when the last write succeeds.
func appendAll(f *os.File, recs [][]byte) error {
	var err error
	for _, rec := range recs {
		_, err = f.Write(rec) // LABEL: bad discard
	}
	return err
}

// copyToFile reads the copy count and never the copy error.
func copyToFile(path string, src io.Reader) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(f, src) // LABEL: bad discard
	return n, f.Close()
}

// storeGzipSnapshot assigns the writer's Close to err and returns nil.
func storeGzipSnapshot(path string, snap []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	if _, err = zw.Write(snap); err != nil {
		f.Close()
		return err
	}
	err = zw.Close() // LABEL: bad discard
	if cerr := f.Close(); cerr != nil {
		return cerr
	}
	return nil
}

// ---- near-misses ----

// saveChecked reassigns err only after reading it.
func saveChecked(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = f.Write(data) // LABEL: ok discard
	if err != nil {
		f.Close()
		return err
	}
	err = f.Close()
	return err
}

// saveBoth joins the write and the close errors.
func saveBoth(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, werr := f.Write(data) // LABEL: ok discard
	cerr := f.Close()
	return errors.Join(werr, cerr)
}

// sendAllChecked stops at the first failed write.
func sendAllChecked(conn net.Conn, recs [][]byte) error {
	var err error
	for _, rec := range recs {
		if _, err = conn.Write(rec); err != nil { // LABEL: ok discard
			break
		}
	}
	return err
}

// closeFirstError keeps the first error of flush and close.
func closeFirstError(conn net.Conn, bye []byte) error {
	bw := bufio.NewWriter(conn)
	bw.Write(bye)
	err := bw.Flush() // LABEL: ok discard
	if cerr := conn.Close(); err == nil {
		err = cerr
	}
	return err
}
