package third

import (
	"compress/gzip"
	"errors"
	"io"
	"os"
)

// exporter writes a compressed file.
type exporter struct {
	f    *os.File
	gz   *gzip.Writer
	hook func() error
}

// Stop joins the close errors and then overwrites them with the hook's.
func (e *exporter) Stop() error {
	err := errors.Join(e.gz.Close(), e.f.Close()) // want `error from \(\*gzip.Writer\).Close on e.gz is joined into err and overwritten before it is read`
	if e.hook != nil {
		err = e.hook()
	}
	return err
}

// Finish returns the joined close errors.
func (e *exporter) Finish() error {
	return errors.Join(e.gz.Close(), e.f.Close()) // ok: the join is returned
}

// Drop throws the joined errors away.
func (e *exporter) Drop() {
	_ = errors.Join(e.gz.Close(), nil) // want `error from \(\*gzip.Writer\).Close on e.gz is discarded`
}

// CloseAll joins errors gathered in a slice.
func CloseAll(cs []io.Closer) error {
	var errs []error
	for _, c := range cs {
		errs = append(errs, c.Close()) // ok: appended, then joined and returned
	}
	return errors.Join(errs...)
}

// recordWriter finishes gzip in its Close and returns that error joined
// with the file's close.
type recordWriter struct {
	f  *os.File
	gz *gzip.Writer
}

func (w *recordWriter) Close() error {
	if err := w.gz.Close(); err != nil {
		return errors.Join(err, w.f.Close())
	}
	return w.f.Close()
}

// Dump drops the commit of recordWriter.Close.
func Dump(w *recordWriter) error {
	w.Close() // want `error from \(\*third.recordWriter\).Close on w is discarded`
	return nil
}

// readerPair closes two readers; its Close commits nothing.
type readerPair struct {
	a, b io.ReadCloser
}

func (p *readerPair) Close() error {
	return errors.Join(p.a.Close(), p.b.Close())
}

// Release closes readers only.
func Release(p *readerPair) error {
	p.Close() // ok: the joined closes are of readers
	return nil
}
