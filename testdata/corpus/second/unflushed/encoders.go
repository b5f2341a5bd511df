package unflushed

import (
	"bytes"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"mime/multipart"
	"os"
	"strings"
	"text/tabwriter"

	"heldout2/internal/finish"
)

// writeAttachment writes a MIME part body. The encoder is never closed,
// so the last partial base64 quantum is lost.
func writeAttachment(w io.Writer, name string, data []byte) error {
	fmt.Fprintf(w, "Content-Disposition: attachment; filename=%q\r\n", name)
	fmt.Fprintf(w, "Content-Transfer-Encoding: base64\r\n\r\n")
	enc := base64.NewEncoder(base64.StdEncoding, w)
	if _, err := enc.Write(data); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\r\n")
	return err // LABEL: bad unflushed
}

// writeAttachmentClosed closes the encoder before the part terminator.
func writeAttachmentClosed(w io.Writer, name string, data []byte) error {
	fmt.Fprintf(w, "Content-Disposition: attachment; filename=%q\r\n", name)
	fmt.Fprintf(w, "Content-Transfer-Encoding: base64\r\n\r\n")
	enc := base64.NewEncoder(base64.StdEncoding, w)
	if _, err := enc.Write(data); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\r\n")
	return err // LABEL: ok unflushed
}

// writeSecret renders a shared secret; the base32 branch never closes its
// encoder.
func writeSecret(w io.Writer, secret []byte, form string) error {
	switch form {
	case "hex":
		_, err := fmt.Fprintf(w, "%x\n", secret)
		return err
	case "base32":
		enc := base32.NewEncoder(base32.StdEncoding, w)
		if _, err := enc.Write(secret); err != nil {
			return err
		}
		return nil // LABEL: bad unflushed
	default:
		return fmt.Errorf("unknown secret form %q", form)
	}
}

// printASCII85 prints a blob in <~ ~> delimiters; the encoder is not
// closed, so the last group is missing before the closing delimiter.
func printASCII85(f *os.File, blob []byte) {
	f.WriteString("<~")
	enc := ascii85.NewEncoder(f)
	enc.Write(blob)
	f.WriteString("~>\n")
} // LABEL: bad unflushed

// dumpPacket writes a hex dump without closing the dumper, losing the
// trailing partial line.
func dumpPacket(w io.Writer, pkt []byte) error {
	d := hex.Dumper(w)
	if _, err := d.Write(pkt); err != nil {
		return err
	}
	return nil // LABEL: bad unflushed
}

// dumpPacketClosed closes the dumper and reports the result.
func dumpPacketClosed(w io.Writer, pkt []byte) error {
	d := hex.Dumper(w)
	if _, err := d.Write(pkt); err != nil {
		return err
	}
	return d.Close() // LABEL: ok unflushed
}

// buildUpload builds a multipart body without the closing boundary.
func buildUpload(fields map[string]string, file []byte) (*bytes.Buffer, string, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			return nil, "", err
		}
	}
	fw, err := mw.CreateFormFile("file", "upload.bin")
	if err != nil {
		return nil, "", err
	}
	if _, err := fw.Write(file); err != nil {
		return nil, "", err
	}
	return &body, mw.FormDataContentType(), nil // LABEL: bad unflushed
}

// buildUploadClosed writes the closing boundary before returning.
func buildUploadClosed(fields map[string]string, file []byte) (*bytes.Buffer, string, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			return nil, "", err
		}
	}
	fw, err := mw.CreateFormFile("file", "upload.bin")
	if err != nil {
		return nil, "", err
	}
	if _, err := fw.Write(file); err != nil {
		return nil, "", err
	}
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return &body, mw.FormDataContentType(), nil // LABEL: ok unflushed
}

// printTable never flushes the tabwriter, which holds every cell until
// Flush.
func printTable(w io.Writer, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSTATUS\tAGE")
	for _, r := range rows {
		if _, err := fmt.Fprintln(tw, strings.Join(r, "\t")); err != nil {
			return err
		}
	}
	return nil // LABEL: bad unflushed
}

// printTableFlushed aligns and writes the table.
func printTableFlushed(w io.Writer, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSTATUS\tAGE")
	for _, r := range rows {
		if _, err := fmt.Fprintln(tw, strings.Join(r, "\t")); err != nil {
			return err
		}
	}
	return tw.Flush() // LABEL: ok unflushed
}

// writeCSVFile returns early for an empty export with the header still
// buffered. The full path is fine: WriteAll flushes and reports.
func writeCSVFile(path string, header []string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cw := csv.NewWriter(f)
	if err := cw.Write(header); err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil // LABEL: bad unflushed
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return nil // LABEL: ok unflushed
}

// writeCSVTo finishes through a helper in another package.
func writeCSVTo(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	for _, r := range rows {
		cw.Write(r)
	}
	return finish.CSV(cw) // LABEL: ok unflushed
}
