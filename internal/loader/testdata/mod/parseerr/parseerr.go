// Package parseerr has a syntax error in one file.
package parseerr

func f( {
