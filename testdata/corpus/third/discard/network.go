package discard

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"
)

var errAuth = errors.New("authentication failed")

// SendPing writes a keep-alive frame; nobody learns whether it left.
func SendPing(conn net.Conn) {
	conn.Write([]byte{0x89, 0x00}) // LABEL: bad discard
}

// Upload streams r to the peer, half-closes so the peer sees EOF, and
// returns the peer's reply.
func Upload(conn *net.TCPConn, r io.Reader) (string, error) {
	if _, err := io.Copy(conn, r); err != nil {
		return "", err
	}
	conn.CloseWrite() // LABEL: bad discard
	reply, err := io.ReadAll(conn)
	if err != nil {
		return "", err
	}
	return string(reply), nil
}

// Relay forwards one request to the backend and reports how much was sent.
func Relay(backend net.Conn, req []byte) (int, error) {
	n, _ := backend.Write(req) // LABEL: bad discard
	return n, nil
}

// Mirror copies everything from src to a replica.
func Mirror(replica net.Conn, src io.Reader) {
	_, _ = io.Copy(replica, src) // LABEL: bad discard
}

// Notify sends one JSON event to a subscriber connection.
func Notify(conn net.Conn, ev Event) {
	json.NewEncoder(conn).Encode(ev) // LABEL: bad discard
}

// SendFile sends the size of f followed by its contents.
func SendFile(conn net.Conn, f *os.File, size int64) error {
	if err := binary.Write(conn, binary.BigEndian, size); err != nil {
		return err
	}
	_, _ = io.CopyN(conn, f, size) // LABEL: bad discard
	return nil
}

// SendBatch encodes a batch in memory and writes it in one go.
func SendBatch(conn net.Conn, batch []Event) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, ev := range batch {
		if err := enc.Encode(ev); err != nil {
			return err
		}
	}
	buf.WriteTo(conn) // LABEL: bad discard
	return nil
}

// Greet writes the protocol banner.
func Greet(conn net.Conn, version string) {
	io.WriteString(conn, "HELLO "+version+"\r\n") // LABEL: bad discard
}

// StreamLines writes lines to conn through a buffer.
func StreamLines(conn net.Conn, lines []string) error {
	bw := bufio.NewWriter(conn)
	defer bw.Flush() // LABEL: bad discard
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	return nil
}

// SMTPClient is a minimal mail client.
type SMTPClient struct {
	conn net.Conn
	br   *bufio.Reader
}

// Dial connects to a mail server.
func Dial(addr string) (*SMTPClient, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &SMTPClient{conn: conn, br: bufio.NewReader(conn)}, nil
}

// Quit says goodbye and closes the connection.
func (c *SMTPClient) Quit() error {
	fmt.Fprintf(c.conn, "QUIT\r\n") // LABEL: bad discard
	return c.conn.Close()
}

// RESPClient pipelines commands to a key-value server.
type RESPClient struct {
	conn net.Conn
	bw   *bufio.Writer
	br   *bufio.Reader
}

// NewRESPClient wraps an established connection.
func NewRESPClient(conn net.Conn) *RESPClient {
	return &RESPClient{conn: conn, bw: bufio.NewWriter(conn), br: bufio.NewReader(conn)}
}

// Do sends one command and reads the reply line. The buffered writes are
// sticky: their error comes back from the checked Flush.
func (c *RESPClient) Do(args ...string) (string, error) {
	fmt.Fprintf(c.bw, "*%d\r\n", len(args)) // LABEL: ok discard
	for _, a := range args {
		fmt.Fprintf(c.bw, "$%d\r\n%s\r\n", len(a), a) // LABEL: ok discard
	}
	if err := c.bw.Flush(); err != nil {
		return "", err
	}
	line, err := c.br.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// Close sends the pipelined commands still in the buffer and closes.
func (c *RESPClient) Close() error {
	c.bw.Flush() // LABEL: bad discard
	return c.conn.Close()
}

// Peer is one replication peer.
type Peer struct {
	conn net.Conn
	bw   *bufio.Writer
}

// NewPeer wraps a connection to a replication peer.
func NewPeer(conn net.Conn) *Peer {
	return &Peer{conn: conn, bw: bufio.NewWriterSize(conn, 64<<10)}
}

// Finish flushes pending frames and clears the write deadline.
func (p *Peer) Finish() error {
	err := p.bw.Flush() // LABEL: bad discard
	err = p.conn.SetWriteDeadline(time.Time{})
	return err
}

// Close flushes and closes; on a failed flush the connection is torn down
// and the flush error is what the caller sees.
func (p *Peer) Close() error {
	if err := p.bw.Flush(); err != nil {
		p.conn.Close() // LABEL: ok discard
		return err
	}
	return p.conn.Close()
}

// HandleEcho echoes lines back to the client.
func HandleEcho(conn net.Conn) error {
	defer conn.Close() // LABEL: ok discard
	bw := bufio.NewWriter(conn)
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		fmt.Fprintf(bw, "%s\n", sc.Bytes()) // LABEL: ok discard
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return sc.Err()
}

// Authenticate checks the client's token line and answers it.
func Authenticate(conn net.Conn, br *bufio.Reader, valid func(string) bool) error {
	tok, err := br.ReadString('\n')
	if err != nil {
		return err
	}
	if !valid(strings.TrimSpace(tok)) {
		conn.Write([]byte("-ERR auth\r\n")) // LABEL: ok discard
		return errAuth
	}
	_, err = io.WriteString(conn, "+OK\r\n")
	return err
}
