// Command clean writes a file and checks every error on the way.
package main

import (
	"bufio"
	"os"
)

func save(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if _, err := bw.WriteString("héllo\n"); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func main() {
	if err := save(os.DevNull); err != nil {
		os.Exit(1)
	}
}
