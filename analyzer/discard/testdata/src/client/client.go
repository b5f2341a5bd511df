package client

import "wire"

func send(c *wire.Conn, q *wire.Quiet, ch *wire.Chain) {
	ch.Flush()      // want `error from \(\*wire.Chain\).Flush on ch is discarded before q.Close; buffered bytes may not be written`
	q.Close()       // ok: Quiet.Close commits nothing
	defer c.Close() // want `error from \(\*wire.Conn\).Close on c is discarded in a deferred call; buffered bytes may not be written`
}
