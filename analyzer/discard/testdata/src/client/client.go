package client

import (
	"bufio"
	"bytes"
	"net"

	"wire"
)

func send(c *wire.Conn, q *wire.Quiet, ch *wire.Chain) {
	ch.Flush()      // want `error from \(\*wire.Chain\).Flush on ch is discarded before q.Close; buffered bytes may not be written`
	q.Close()       // ok: Quiet.Close commits nothing
	defer c.Close() // want `error from \(\*wire.Conn\).Close on c is discarded in a deferred call; buffered bytes may not be written`
}

func finishIgnored(conn net.Conn, p []byte) error {
	bw := bufio.NewWriter(conn)
	if _, err := bw.Write(p); err != nil {
		return err
	}
	wire.Finish(bw) // want `error from wire.Finish to bw is discarded just before returning; buffered bytes may not be written`
	return nil
}

func finishIntoBuffer(p []byte) []byte {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	bw.Write(p)
	wire.Finish(bw) // ok: cannot fail
	return buf.Bytes()
}
