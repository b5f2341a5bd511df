package a

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"text/template"
)

// Writes into a destination passed to a function, or wrapped by an
// encoder: the error is the only news of a failed write.

func saveJSON(path string, v any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	json.NewEncoder(f).Encode(v) // want `error from \(\*json.Encoder\).Encode is discarded just before returning; a short or failed write goes unnoticed`
	return f.Close()
}

func sendGob(conn net.Conn, v any) {
	enc := gob.NewEncoder(conn)
	enc.Encode(v) // want `error from \(\*gob.Encoder\).Encode on enc is discarded just before returning; a short or failed write goes unnoticed`
}

func render(conn net.Conn, t *template.Template) {
	t.Execute(conn, nil) // want `error from \(\*template.Template\).Execute to conn is discarded just before returning; a short or failed write goes unnoticed`
}

func renderHandler(w http.ResponseWriter, t *template.Template) {
	t.Execute(w, nil)            // ok: the client is gone, nobody to tell
	json.NewEncoder(w).Encode(1) // ok: same
}

func renderBuffer(t *template.Template) string {
	var buf bytes.Buffer
	t.Execute(&buf, nil) // ok: cannot fail on the writing side
	return buf.String()
}

func encodeBuffered(conn net.Conn, v any) error {
	bw := bufio.NewWriter(conn)
	json.NewEncoder(bw).Encode(v) // ok: sticky, the Flush below returns the error
	return bw.Flush()
}

func level(f *os.File) *gzip.Writer {
	zw, _ := gzip.NewWriterLevel(f, 9) // ok: a constructor's error is about its arguments
	return zw
}
