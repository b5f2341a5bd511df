package discard

import (
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"text/template"
)

// Config is the on-disk configuration of the agent.
type Config struct {
	Listen   string            `json:"listen"`
	Upstream []string          `json:"upstream"`
	Labels   map[string]string `json:"labels,omitempty"`
}

// SaveConfig writes cfg as indented JSON. A delayed write error (full disk,
// NFS) only shows up in Close, which is deferred and dropped.
func SaveConfig(path string, cfg *Config) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // LABEL: bad discard

	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	return enc.Encode(cfg)
}

// LoadConfig reads the configuration back.
func LoadConfig(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() // LABEL: ok discard

	var cfg Config
	if err := json.NewDecoder(f).Decode(&cfg); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return &cfg, nil
}

// WritePIDFile records the current process id.
func WritePIDFile(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	f.WriteString(strconv.Itoa(os.Getpid()) + "\n") // LABEL: bad discard
	return f.Close()
}

// AppendJournal appends one record and makes it durable.
func AppendJournal(path string, rec []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(rec); err != nil {
		f.Close() // LABEL: ok discard
		return err
	}
	_ = f.Sync() // LABEL: bad discard
	return f.Close()
}

// Segment is an append-only data file.
type Segment struct {
	f         *os.File
	size      int64
	committed int64
}

// OpenSegment opens or creates a segment for appending.
func OpenSegment(path string) (*Segment, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		return nil, errors.Join(err, f.Close())
	}
	return &Segment{f: f, size: fi.Size(), committed: fi.Size()}, nil
}

// Append adds p to the segment.
func (s *Segment) Append(p []byte) error {
	n, err := s.f.Write(p)
	s.size += int64(n)
	return err
}

// Commit makes everything appended so far durable.
func (s *Segment) Commit() error {
	if err := s.f.Sync(); err != nil { // LABEL: bad discard
		// fsync failures are rare; the next commit retries
	}
	s.committed = s.size
	return nil
}

var copyBufPool = sync.Pool{New: func() any {
	b := make([]byte, 32<<10)
	return &b
}}

// Spool copies r into the spool file with a pooled buffer.
func Spool(f *os.File, r io.Reader) {
	bp := copyBufPool.Get().(*[]byte)
	defer copyBufPool.Put(bp)
	io.CopyBuffer(f, r, *bp) // LABEL: bad discard
}

// Unit describes a systemd service.
type Unit struct {
	Description string
	Exec        string
}

var unitTmpl = template.Must(template.New("unit").Parse(`[Unit]
Description={{.Description}}

[Service]
ExecStart={{.Exec}}
Restart=on-failure
`))

// WriteUnit renders a systemd unit file.
func WriteUnit(path string, u Unit) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	unitTmpl.Execute(f, u) // LABEL: bad discard
	return f.Close()
}

// SaveThumbnail stores img as a PNG file.
func SaveThumbnail(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_ = png.Encode(f, img) // LABEL: bad discard
	return f.Close()
}

// ExportSnapshot streams a snapshot into dir/name. The named result is
// there, but the deferred closure throws the Close error away.
func ExportSnapshot(dir, name string, src io.Reader) (err error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }() // LABEL: bad discard
	_, err = io.Copy(f, src)
	return err
}

// ExportManifest folds the Close error into the named result.
func ExportManifest(dir string, m map[string]string) (err error) {
	f, err := os.Create(filepath.Join(dir, "MANIFEST"))
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil { // LABEL: ok discard
			err = cerr
		}
	}()
	return json.NewEncoder(f).Encode(m)
}

// WriteAtomic writes data to a temporary file and renames it over path.
// The deferred Close only matters on the early error returns.
func WriteAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close() // LABEL: ok discard
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// DirWritable reports whether a file can be created in dir.
func DirWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close() // LABEL: ok discard
	os.Remove(name)
	return true
}

// WriteOrDie is used by the setup tool; any failure ends the process.
func WriteOrDie(path string, data []byte) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close() // LABEL: ok discard
		log.Fatalf("write %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
