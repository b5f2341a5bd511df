package main

import (
	"os"
	"slices"
	"strings"
)

// goCommandEnv is the environment of the go command that the loader
// runs: the user's, made unable to reach the network or to write. It
// never downloads a module (GOPROXY=off: run go mod download first) or
// a toolchain (GOTOOLCHAIN searches PATH instead of downloading), and
// it never updates go.mod or go.sum (a -mod=mod in GOFLAGS is dropped,
// so that the default, readonly or vendor, applies).
func goCommandEnv() []string {
	env := os.Environ()
	env = append(env, "GOPROXY=off", "GOTOOLCHAIN="+offlineToolchain(os.Getenv("GOTOOLCHAIN")))
	if flags, ok := os.LookupEnv("GOFLAGS"); ok {
		env = append(env, "GOFLAGS="+withoutModMod(flags))
	}
	return env
}

// offlineToolchain returns the GOTOOLCHAIN setting that selects what v
// selects without downloading: "auto" becomes "path".
func offlineToolchain(v string) string {
	switch {
	case v == "" || v == "auto":
		return "path"
	case v == "local" || v == "path" || strings.HasSuffix(v, "+path"):
		return v
	case strings.HasSuffix(v, "+auto"):
		return strings.TrimSuffix(v, "+auto") + "+path"
	}
	return v + "+path" // a pinned version: use it if it is on PATH
}

// withoutModMod returns GOFLAGS without -mod=mod (or --mod=mod), the
// setting that lets the go command rewrite go.mod and go.sum.
func withoutModMod(flags string) string {
	fields := strings.Fields(flags)
	fields = slices.DeleteFunc(fields, func(f string) bool { return strings.TrimLeft(f, "-") == "mod=mod" })
	return strings.Join(fields, " ")
}
