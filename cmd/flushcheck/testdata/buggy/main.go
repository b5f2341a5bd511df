// Command buggy loses the tail of its output in two ways flushcheck knows.
package main

import (
	"bufio"
	"os"
)

// save discards the error of the final Flush. The line of the Flush
// starts with non-ASCII text, so that UTF-16 columns differ from bytes.
func save(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if _, err := bw.WriteString("héllo\n"); err != nil {
		return err
	}
	println("naïve, 世界 😀"); _ = bw.Flush()
	return f.Close()
}

// write discards the error of the Close that commits the file.
func write(name string, data []byte) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func main() {
	if err := save(os.DevNull); err != nil {
		os.Exit(1)
	}
	if err := write(os.DevNull, []byte("x")); err != nil {
		os.Exit(1)
	}
}
