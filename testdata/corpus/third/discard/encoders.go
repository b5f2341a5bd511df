package discard

import (
	"bytes"
	"context"
	"encoding/ascii85"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"encoding/pem"
	"io"
	"maps"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Usage is one line of a billing export.
type Usage struct {
	Account string
	Bytes   int64
}

// WriteUsage writes a CSV export. The rows' errors are sticky and read back
// through Error after the Flush.
func WriteUsage(w io.Writer, recs []Usage) error {
	cw := csv.NewWriter(w)
	for _, r := range recs {
		cw.Write([]string{r.Account, strconv.FormatInt(r.Bytes, 10)}) // LABEL: ok discard
	}
	cw.Flush() // LABEL: ok discard
	return cw.Error()
}

// WriteAttachment writes data base64-encoded, followed by a newline.
func WriteAttachment(f *os.File, data []byte) error {
	enc := base64.NewEncoder(base64.StdEncoding, f)
	if _, err := enc.Write(data); err != nil {
		return err
	}
	enc.Close() // LABEL: bad discard
	_, err := f.WriteString("\n")
	return err
}

// EncodeToken joins parts into one URL-safe token.
func EncodeToken(parts ...[]byte) string {
	var sb strings.Builder
	enc := base64.NewEncoder(base64.RawURLEncoding, &sb)
	for _, p := range parts {
		enc.Write(p) // LABEL: ok discard
	}
	enc.Close() // LABEL: ok discard
	return sb.String()
}

// EmitPostScriptImage sends pixel data ASCII85-encoded to a printer.
func EmitPostScriptImage(conn net.Conn, pixels []byte) error {
	if _, err := io.WriteString(conn, "currentfile /ASCII85Decode filter\n"); err != nil {
		return err
	}
	enc := ascii85.NewEncoder(conn)
	if _, err := enc.Write(pixels); err != nil {
		return err
	}
	_ = enc.Close() // LABEL: bad discard
	_, err := io.WriteString(conn, "~>\n")
	return err
}

// DumpPacket appends a hex dump of pkt to a capture file.
func DumpPacket(f *os.File, pkt []byte) error {
	d := hex.Dumper(f)
	defer d.Close() // LABEL: bad discard
	_, err := d.Write(pkt)
	return err
}

// HexDump formats p in memory.
func HexDump(p []byte) string {
	var buf bytes.Buffer
	d := hex.Dumper(&buf)
	d.Write(p) // LABEL: ok discard
	d.Close()  // LABEL: ok discard
	return buf.String()
}

// SaveCert writes a DER certificate as PEM.
func SaveCert(path string, der []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	pem.Encode(f, &pem.Block{Type: "CERTIFICATE", Bytes: der}) // LABEL: bad discard
	return f.Close()
}

// EncodeChain returns a PEM bundle built in memory.
func EncodeChain(ders [][]byte) []byte {
	var buf bytes.Buffer
	for _, der := range ders {
		pem.Encode(&buf, &pem.Block{Type: "CERTIFICATE", Bytes: der}) // LABEL: ok discard
	}
	return buf.Bytes()
}

// WriteForm streams a multipart form into w and returns its content type.
// Without the closing boundary the receiver rejects the body.
func WriteForm(w io.Writer, fields map[string]string) (string, error) {
	mw := multipart.NewWriter(w)
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if err := mw.WriteField(k, fields[k]); err != nil {
			return "", err
		}
	}
	mw.Close() // LABEL: bad discard
	return mw.FormDataContentType(), nil
}

// NewUploadRequest builds a multipart request body in memory.
func NewUploadRequest(ctx context.Context, url, name string, data []byte) (*http.Request, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, err := mw.CreateFormFile("file", name)
	if err != nil {
		return nil, err
	}
	part.Write(data) // LABEL: ok discard
	mw.Close()       // LABEL: ok discard
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, &body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req, nil
}
