package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strings"
)

// wantComment matches "want" followed by checks, each with an optional
// backquoted regular expression: // want discard `Flush on bw` closeorder
var wantComment = regexp.MustCompile(`^//\s*want\s+(.*)$`)

var wantItem = regexp.MustCompile("^\\s*([a-z][a-z0-9]*)(?:\\s+`([^`]*)`)?") // backquotes inside

// addWants reads the want comments of file into the shapes holding them.
func (r *report) addWants(fset *token.FileSet, file *ast.File) error {
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			m := wantComment.FindStringSubmatch(c.Text)
			if m == nil {
				continue // an ordinary comment
			}
			ws, err := parseWants(m[1], fset.Position(c.Pos()))
			if err != nil {
				return err
			}
			s := r.shapeAt(c.Pos())
			if s == nil {
				return fmt.Errorf("%v: want outside a function", fset.Position(c.Pos()))
			}
			s.wants = append(s.wants, ws...)
		}
	}
	return nil
}

func parseWants(text string, pos token.Position) ([]want, error) {
	var ws []want
	for rest := strings.TrimSpace(text); rest != ""; {
		m := wantItem.FindStringSubmatch(rest)
		if m == nil {
			return nil, fmt.Errorf("%v: bad want %q", pos, text)
		}
		w := want{check: m[1], pos: pos}
		if m[2] != "" {
			re, err := regexp.Compile(m[2])
			if err != nil {
				return nil, fmt.Errorf("%v: %v", pos, err)
			}
			w.re = re
		}
		ws = append(ws, w)
		rest = strings.TrimSpace(rest[len(m[0]):])
	}
	return ws, nil
}

func (r *report) shapeAt(pos token.Pos) *shape {
	for _, s := range r.shapes {
		if s.pos <= pos && pos < s.end {
			return s
		}
	}
	return nil
}

// problems lists every way the findings differ from the wants, for the
// checks in present; wants of other checks are pending, not problems.
// A fixed or helper shape must have no finding at all.
func (r *report) problems(present map[string]bool) []string {
	var out []string
	for _, s := range r.shapes {
		if s.variant != "bad" && len(s.wants) > 0 {
			out = append(out, fmt.Sprintf("%v: want in %s, which is not a bad shape", s.wants[0].pos, s.name))
		}
		out = append(out, s.unmatched(present)...)
		out = append(out, s.unexpected()...)
	}
	return out
}

// unmatched lists the wants of present checks with no finding.
func (s *shape) unmatched(present map[string]bool) []string {
	var out []string
	for _, w := range s.wants {
		if present[w.check] && !s.has(w) {
			what := w.check
			if w.re != nil {
				what += " matching `" + w.re.String() + "`"
			}
			out = append(out, fmt.Sprintf("%v: %s: no finding of %s", w.pos, s.name, what))
		}
	}
	return out
}

func (s *shape) has(w want) bool {
	for _, f := range s.findings {
		if f.check == w.check && (w.re == nil || w.re.MatchString(f.message)) {
			return true
		}
	}
	return false
}

// unexpected lists findings no want of the shape asked for.
func (s *shape) unexpected() []string {
	var out []string
	for _, f := range s.findings {
		if !s.wanted(f) {
			out = append(out, fmt.Sprintf("%v: %s: unexpected finding: %s (%s)", f.pos, s.name, f.message, f.check))
		}
	}
	return out
}

func (s *shape) wanted(f finding) bool {
	for _, w := range s.wants {
		if w.check == f.check && (w.re == nil || w.re.MatchString(f.message)) {
			return true
		}
	}
	return false
}
