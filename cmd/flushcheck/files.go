package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// displayPath shows path relative to cwd when it is inside cwd.
func displayPath(cwd, path string) string {
	if rel, ok := within(cwd, path); ok {
		return rel
	}
	return path
}

// displayPosn is a position as file:line:col, the file as displayPath.
func displayPosn(cwd string, p token.Position) string {
	s := displayPath(cwd, p.Filename)
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
	}
	return s
}

// within returns path relative to dir, if path is dir or inside it.
func within(dir, path string) (string, bool) {
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// withinResolved is within, trying again with symbolic links resolved:
// go list may spell a directory differently from the caller.
func withinResolved(dir, path string) (string, bool) {
	if rel, ok := within(dir, path); ok {
		return rel, true
	}
	rdir, err1 := filepath.EvalSymlinks(dir)
	rpath, err2 := filepath.EvalSymlinks(path)
	if err1 != nil || err2 != nil {
		return "", false
	}
	return within(rdir, rpath)
}

// repoRoot is the directory that SARIF paths are relative to: the
// nearest enclosing git work tree, else module, else cwd itself.
func repoRoot(cwd string) string {
	for _, marker := range []string{".git", "go.mod"} {
		for dir := cwd; ; dir = filepath.Dir(dir) {
			if _, err := os.Lstat(filepath.Join(dir, marker)); err == nil {
				return dir
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return cwd
}

// moduleRoots lists the directories of the main modules of pkgs, with
// links resolved: the only places -fix may write to.
func moduleRoots(pkgs []*packages.Package) []string {
	var roots []string
	for _, p := range pkgs {
		if p.Module == nil || !p.Module.Main || p.Module.Dir == "" {
			continue
		}
		if dir, err := filepath.EvalSymlinks(p.Module.Dir); err == nil && !slices.Contains(roots, dir) {
			roots = append(roots, dir)
		}
	}
	return roots
}

// writableTarget resolves links in file and checks that the file it
// names is a regular file inside one of roots (resolved directories).
func writableTarget(file string, roots []string) (string, error) {
	target, err := filepath.EvalSymlinks(file)
	if err != nil {
		return "", err
	}
	if !slices.ContainsFunc(roots, func(root string) bool { _, ok := within(root, target); return ok }) {
		return "", errors.New("refusing to write outside the module root")
	}
	return target, nil
}

// replaceFile writes data to the existing regular file path, keeping
// its permissions.
func replaceFile(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("not a regular file")
	}
	return writeAtomic(path, data, info.Mode().Perm())
}

// checkWritable refuses a file whose mode has no write bit for its
// owner: the user made it read-only (a rename would replace it anyway).
func checkWritable(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.Mode().Perm()&0o200 == 0 {
		return errReadOnly
	}
	return nil
}

// replaceUnchanged is replaceFile for a fix computed from before: it
// refuses a read-only file, and one whose content is no longer before,
// checked last just ahead of the rename.
func replaceUnchanged(path string, before, after []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("not a regular file")
	}
	if info.Mode().Perm()&0o200 == 0 {
		return errReadOnly
	}
	return writeAtomicIf(path, after, info.Mode().Perm(), func() error {
		now, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Equal(now, before) {
			return errChanged
		}
		return nil
	})
}

// writeAtomic replaces path with data so that readers see the old file
// or the new one, never half of it.
func writeAtomic(path string, data []byte, perm fs.FileMode) error {
	return writeAtomicIf(path, data, perm, nil)
}

// writeAtomicIf writes a temporary file in the same directory as path
// (a rename does not cross file systems), then, if ok (when not nil)
// still allows it, renames it over path. On failure the temporary file
// is removed and path is untouched.
func writeAtomicIf(path string, data []byte, perm fs.FileMode, ok func() error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".flushcheck-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close() // may already be closed; the write error is the one to report
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if ok != nil {
		if err = ok(); err != nil {
			return err
		}
	}
	return os.Rename(tmp.Name(), path)
}
