package unflushed

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"mime/multipart"
	"net/http"
	"os"
)

// gzipPipe compresses in a goroutine and closes the pipe without closing
// the gzip writer: the reader sees EOF before the footer.
func gzipPipe(src io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		gz := gzip.NewWriter(pw)
		if _, err := io.Copy(gz, src); err != nil {
			pw.CloseWithError(err)
			return
		}
		pw.Close() // LABEL: bad unflushed
	}()
	return pr
}

// base64Pipe encodes in a goroutine and closes the pipe before the final block.
func base64Pipe(data []byte) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		enc := base64.NewEncoder(base64.StdEncoding, pw)
		if _, err := enc.Write(data); err != nil {
			pw.CloseWithError(err)
			return
		}
		pw.Close() // LABEL: bad unflushed
	}()
	return pr
}

// uploadMultipart streams a file as multipart and never writes the closing
// boundary: the server sees a truncated form.
func uploadMultipart(url, path string) (*http.Response, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			pw.CloseWithError(err)
			return
		}
		defer f.Close()
		part, err := mw.CreateFormFile("file", path)
		if err != nil {
			pw.CloseWithError(err)
			return
		}
		if _, err := io.Copy(part, f); err != nil {
			pw.CloseWithError(err)
			return
		}
		pw.Close() // LABEL: bad unflushed
	}()
	return http.Post(url, mw.FormDataContentType(), pr)
}

// formBody builds a multipart body in memory and returns it without Close.
func formBody(fields map[string]string) (*bytes.Buffer, string, error) {
	body := new(bytes.Buffer)
	mw := multipart.NewWriter(body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			return nil, "", err
		}
	}
	return body, mw.FormDataContentType(), nil // LABEL: bad unflushed
}

// ---- near-misses ----

// gzipPipeOK closes the gzip writer first and passes its error to the reader.
func gzipPipeOK(src io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		gz := gzip.NewWriter(pw)
		if _, err := io.Copy(gz, src); err != nil {
			pw.CloseWithError(err) // LABEL: ok unflushed
			return
		}
		pw.CloseWithError(gz.Close()) // LABEL: ok unflushed
	}()
	return pr
}

// uploadMultipartOK closes the multipart writer before the pipe.
func uploadMultipartOK(url string, data []byte) (*http.Response, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		part, err := mw.CreateFormFile("file", "data.bin")
		if err != nil {
			pw.CloseWithError(err)
			return
		}
		if _, err := part.Write(data); err != nil {
			pw.CloseWithError(err)
			return
		}
		if err := mw.Close(); err != nil {
			pw.CloseWithError(err)
			return
		}
		pw.Close() // LABEL: ok unflushed
	}()
	return http.Post(url, mw.FormDataContentType(), pr)
}

// formBodyOK closes the multipart writer before returning the body.
func formBodyOK(fields map[string]string) (*bytes.Buffer, string, error) {
	body := new(bytes.Buffer)
	mw := multipart.NewWriter(body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			return nil, "", err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return body, mw.FormDataContentType(), nil // LABEL: ok unflushed
}
