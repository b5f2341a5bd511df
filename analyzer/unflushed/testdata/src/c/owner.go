package c

import (
	"io"
	"mime/multipart"
	"net/http"
	"os"
)

// --- a writer made here and used only by the goroutine it is handed to ---

func uploadUnclosed(url, path string) (*http.Response, error) {
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
		pw.Close() // want `multipart.Writer "mw" is not closed before pw.Close; the closing multipart boundary would be lost`
	}()
	return http.Post(url, mw.FormDataContentType(), pr)
}

func uploadClosed(url, path string) (*http.Response, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		part, err := mw.CreateFormFile("file", path)
		if err != nil {
			pw.CloseWithError(err)
			return
		}
		part.Write([]byte(path))
		pw.CloseWithError(mw.Close()) // ok: the boundary is written before the pipe closes
	}()
	return http.Post(url, mw.FormDataContentType(), pr)
}

func uploadShared(url, path string, done <-chan struct{}) (*http.Response, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		mw.CreateFormFile("file", path)
		<-done
		pw.Close() // ok: the enclosing function writes mw too; the goroutine does not own it
	}()
	mw.WriteField("name", path)
	return http.Post(url, mw.FormDataContentType(), pr)
}
