package b

import (
	"bufio"
	"compress/gzip"
	"io"

	"finish"
)

func viaFact(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	return finish.Flush(bw) // ok: finish.Flush flushes its argument
}

func viaDeferredFact(w io.Writer) (err error) {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	defer finish.CloseAll(zw, bw) // ok: both finished when the function returns
	_, err = bw.WriteString("x")
	return err
}

func viaNonFinisher(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	finish.Touch(bw) // passing it to a function that does not finish it lets it escape
	return nil
}
