package fix

import (
	"bufio"
	"compress/gzip"
	"encoding/base64"
	"net"
	"net/http"
	"os"
	"sync"
)

func save(path string, p []byte) error {
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

func notAdjacent(path string, p []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	defer gz.Close()
	gz.Comment = "x"
	defer f.Close() // want `defer f.Close\(\) runs before defer gz.Close\(\)`
	_, err = gz.Write(p)
	return err
}

var pool sync.Pool

func serve(w http.ResponseWriter, p []byte) {
	zw := pool.Get().(*gzip.Writer)
	zw.Reset(w)
	defer zw.Close()
	defer pool.Put(zw) // want `defer pool.Put\(zw\) runs before defer zw.Close\(\)`
	zw.Write(p)
}

func discardAfterClose(w http.ResponseWriter, p []byte) {
	zw := pool.Get().(*gzip.Writer)
	zw.Reset(w)
	defer zw.Close()
	defer zw.Reset(nil) // want `defer zw.Reset\(nil\) runs before defer zw.Close\(\)`
	zw.Write(p)
}

func sendEncoded(conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	defer enc.Close()
	defer bw.Flush() // want `defer bw.Flush\(\) runs before defer enc.Close\(\); the final base64 block is written into bufio.Writer "bw" after its last flush`
	_, err := enc.Write(p)
	return err
}
