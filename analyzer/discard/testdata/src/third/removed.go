package third

import (
	"compress/gzip"
	"io"
	"os"
)

// Compress writes name.gz and removes the original: the footer of the
// copy that is kept is lost.
func Compress(name string) error {
	in, err := os.Open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(name + ".gz")
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(out)
	if _, err := io.Copy(gz, in); err != nil {
		out.Close()
		return err
	}
	gz.Close() // want `error from \(\*gzip.Writer\).Close on gz is discarded`
	if err := out.Close(); err != nil {
		return err
	}
	return os.Remove(name)
}

// Probe creates a file to see that it can, and removes it.
func Probe(dir string) bool {
	f, err := os.CreateTemp(dir, "probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close() // ok: the file is removed right after
	os.Remove(name)
	return true
}

// Scratch compresses into a file it then removes by the path it made.
func Scratch(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	if _, err := gz.Write(data); err != nil {
		return err
	}
	gz.Close() // ok: the file below the writer is removed right after
	f.Close()  // ok: removed right after
	return os.Remove(path)
}
