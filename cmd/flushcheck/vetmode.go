package main

import "strings"

// isUnitcheckerCall reports whether args come from go vet or go fix
// rather than from a user: they ask for the tool's version (-V, which
// is go's cache key) or flags (-flags), or name one *.cfg file, which
// describes a single package, after the flags.
func isUnitcheckerCall(args []string) bool {
	for _, arg := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") && (name == "V" || name == "flags") {
			return true
		}
	}
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	for _, arg := range args[:len(args)-1] {
		if !strings.HasPrefix(arg, "-") {
			return false // a second operand: this is a list of packages
		}
	}
	return true
}
