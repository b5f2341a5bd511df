// Package knowledge is what flushcheck knows about writers: which types
// hold bytes until they are flushed, which write data of their own when
// closed, which keep their first error, which cannot fail, and which are
// the endpoints where a failed write is the only sign that bytes did not
// arrive. Every analyzer of the suite asks this package; none keeps its
// own list of writer types.
//
// Knowledge comes from three sources, in this order: the table below
// (standard library types and a few third-party ones, matched by package
// path and name through go/types), structure (a type with Write and
// Flush() error buffers; a value built from an io.Writer by a
// constructor whose result has Close() error or Flush() error wraps it
// and must be finished; a type without Flush whose Close is promoted
// from an embedded connection of the table is a connection), and
// analysis facts about functions in other packages (see Analyzer).
//
// Method bodies correct what structure guesses (TypeFact, learned where
// a type is declared and read wherever it is used): a Close that returns
// only the constant nil loses nothing when discarded (NilClose), and if
// it and Flush also call nothing, the type holds nothing to finish; a
// Close that returns only nil or the Close of a connection in a field,
// in a type without Flush, makes the type a connection (Conn); a
// Write that returns only a nil error and calls nothing cannot fail
// (Infallible); a Write and Flush that return a kept error field first,
// in a type that stores errors there, are Sticky; an unexported
// interface takes what all the concrete types converted to it in its
// package share, when no exported API lets other packages supply one.
//
// Closing a buffered writer (Write and Flush() error, and no Read: not a
// stream) flushes it, so its Close commits what it holds; so does the Close of a writer that returns
// the error of a write into a destination field of its own (encoding/pem's
// lineBreaker), unless that destination cannot fail or keeps the error.
// A Write that begins with a range loop each iteration of which first
// calls a guarded method of the type is guarded too (image/gif's
// blockWriter), and the kept error field may be set through a method
// called on a field on the way to it.
//
// Where a local table writer's values go is also changed by its Reset(w)
// (bufio.Writer, gzip.Writer): a Reset that is a statement of a block
// holding the later use, with every mention of the writer in the function
// a direct method call outside closures, gives it w's destination traits.
package knowledge

// Trait is one thing known about a writer.
type Trait uint16

const (
	// Buffered writers hold written bytes until Flush (or Close) pushes
	// them to the writer below.
	Buffered Trait = 1 << iota
	// Finalizing writers write data of their own when closed: a footer,
	// a trailer, a last block, a closing boundary.
	Finalizing
	// Sticky writers keep their first write error and return it again
	// from Flush, Close or Error, so a discarded Write is not lost as
	// long as the final call is checked.
	Sticky
	// Infallible writers never return a write error.
	Infallible
	// Endpoint writers hand bytes to the kernel or a peer: the result of
	// a write is the only sign that the bytes did not arrive.
	Endpoint
	// Response is http.ResponseWriter: a write error means the client
	// went away, which the server already knows and the handler cannot
	// report to anyone.
	Response
	// StdStream is os.Stdout or os.Stderr: diagnostics and program
	// output whose write errors programs do not handle by convention.
	StdStream
	// ErrorMethod writers have a Flush without a result; their error is
	// read with an Error method afterwards (csv.Writer).
	ErrorMethod
	// Conn values are bidirectional connections; closing one does not
	// report delivery (the flush before it does).
	Conn
	// ReadOnly files were opened for reading only; closing one commits
	// nothing.
	ReadOnly
	// Writable files were created or opened for writing; their Close
	// (and Sync) can report that written data did not reach the disk.
	Writable
	// NilClose writers always return nil from Close (io.PipeWriter).
	NilClose
	// Pipe writers feed an in-process reader: a write fails only once the
	// reader has closed its end, when nobody is left to tell.
	Pipe
)

// Has reports whether all traits of u are in t.
func (t Trait) Has(u Trait) bool { return t&u == u }

// Kind says what a row of the table names.
type Kind uint8

const (
	// Type rows name a type; values of the type or a pointer to it match.
	Type Kind = iota
	// Func rows name a function whose result is the writer described,
	// for constructors that return an interface (base64.NewEncoder),
	// and every result of the first's type (os.Pipe's two ends).
	Func
	// Var rows name a package-level variable (io.Discard, os.Stdout).
	Var
)

// Row is one entry of the table.
type Row struct {
	Kind   Kind
	Path   string // package path
	Name   string // type, function or variable name
	Traits Trait
	// Lost says what is lost when the writer is not finished or its
	// finishing call fails, for diagnostics: "the gzip footer".
	Lost string
}

// table is what flushcheck knows of the standard library's writers, and
// of a few third-party types whose methods structure misreads. Each row
// says why it is there; the source files named were read for Go 1.26, or
// at the module version the row names.
var table = []Row{
	// bufio.Writer holds up to its buffer size; Write errors are kept in
	// b.err and returned by every later Write and by Flush.
	{Type, "bufio", "Writer", Buffered | Sticky, "buffered bytes"},
	// bufio.ReadWriter embeds *bufio.Writer: the same buffer, the same
	// sticky error (it is what http.Hijacker.Hijack returns).
	{Type, "bufio", "ReadWriter", Buffered | Sticky, "buffered bytes"},
	// csv.Writer buffers through a bufio.Writer; Flush has no result and
	// the error is read with Error(); WriteAll flushes and returns it.
	{Type, "encoding/csv", "Writer", Buffered | Sticky | ErrorMethod, "buffered records"},
	// tabwriter.Writer keeps every cell until Flush lays out the columns;
	// Flush returns the error of writing them.
	{Type, "text/tabwriter", "Writer", Buffered, "the buffered table"},
	// gzip.Writer keeps z.err; Close writes the final block and the
	// CRC-32/size footer.
	{Type, "compress/gzip", "Writer", Buffered | Finalizing | Sticky, "the gzip footer"},
	// zlib.Writer keeps z.err; Close writes the final block and the
	// Adler-32 checksum.
	{Type, "compress/zlib", "Writer", Buffered | Finalizing | Sticky, "the zlib checksum"},
	// flate.Writer keeps d.err; Close writes the final block.
	{Type, "compress/flate", "Writer", Buffered | Finalizing | Sticky, "the final deflate block"},
	// lzw.Writer keeps w.err; Close writes the EOF code and flushes.
	{Type, "compress/lzw", "Writer", Buffered | Finalizing | Sticky, "the final lzw codes"},
	// zip.Writer: Close writes the central directory, without which the
	// archive cannot be opened; entry writes are not sticky.
	{Type, "archive/zip", "Writer", Finalizing, "the zip central directory"},
	// tar.Writer keeps tw.err; Close pads the last entry and writes the
	// two zero blocks of the trailer.
	{Type, "archive/tar", "Writer", Finalizing | Sticky, "the tar trailer"},
	// multipart.Writer: Close writes the closing boundary.
	{Type, "mime/multipart", "Writer", Finalizing, "the closing multipart boundary"},
	// xml.Encoder buffers through a bufio.Writer: Flush (or Close) writes
	// what Encode produced.
	{Type, "encoding/xml", "Encoder", Buffered, "buffered XML"},
	// http.ResponseController.Flush reports whether buffered response
	// bytes reached the client.
	{Type, "net/http", "ResponseController", Buffered, "buffered response bytes"},
	// base64, base32 and ascii85 encoders keep e.err; Close writes the
	// last partial block.
	{Func, "encoding/base64", "NewEncoder", Buffered | Finalizing | Sticky, "the final base64 block"},
	{Func, "encoding/base32", "NewEncoder", Buffered | Finalizing | Sticky, "the final base32 block"},
	{Func, "encoding/ascii85", "NewEncoder", Buffered | Finalizing | Sticky, "the final ascii85 block"},
	// hex.Dumper: Close writes the last, partial line of the dump.
	{Func, "encoding/hex", "Dumper", Finalizing, "the last line of the hex dump"},
	// lzw.NewWriter returns an io.WriteCloser holding a *lzw.Writer.
	{Func, "compress/lzw", "NewWriter", Buffered | Finalizing | Sticky, "the final lzw codes"},
	// httputil.NewChunkedWriter: Close writes the terminating "0\r\n"
	// chunk.
	{Func, "net/http/httputil", "NewChunkedWriter", Finalizing, "the last chunk"},
	// Files: Create, CreateTemp and OpenFile with write flags give files
	// whose Close and Sync report data that did not reach the disk.
	{Func, "os", "Create", Writable | Endpoint, "written data"},
	{Func, "os", "CreateTemp", Writable | Endpoint, "written data"},
	// os.Open opens for reading only: nothing to commit on Close.
	{Func, "os", "Open", ReadOnly, ""},
	// os.OpenFile's mode depends on its flag argument (see FileFlags).
	{Func, "os", "OpenFile", Endpoint, "written data"},
	// os.Pipe's ends: closing one loses nothing (a pipe keeps no data
	// for a disk), and a write fails only once the reader has closed its
	// end, like io.Pipe's.
	{Func, "os", "Pipe", Pipe, ""},
	// Any *os.File: writes reach the kernel directly.
	{Type, "os", "File", Endpoint, "written data"},
	// Connections: a write's error is the only sign the peer did not get
	// the bytes. Closing one reports nothing about delivery.
	{Type, "net", "Conn", Endpoint | Conn, "unsent bytes"},
	{Type, "net", "TCPConn", Endpoint | Conn, "unsent bytes"},
	{Type, "net", "UnixConn", Endpoint | Conn, "unsent bytes"},
	{Type, "net", "UDPConn", Endpoint | Conn, "the datagram"},
	{Type, "net", "IPConn", Endpoint | Conn, "the datagram"},
	{Type, "crypto/tls", "Conn", Endpoint | Conn, "unsent bytes"},
	// quic-go's streams (v0.65.0): (*SendStream).Close closes the send
	// direction and queues the FIN (send_stream.go); it fails only when
	// called after CancelWrite, never about delivery, and (*Stream).Close
	// returns it (stream.go). Closing one is closing a connection. Not
	// Endpoint: the rows settle what closing a stream means and leave a
	// discarded stream write judged as before, unreported.
	{Type, "github.com/quic-go/quic-go", "Stream", Conn, "unsent bytes"},
	{Type, "github.com/quic-go/quic-go", "SendStream", Conn, "unsent bytes"},
	// http.ResponseWriter: see Response.
	{Type, "net/http", "ResponseWriter", Response, "the response body"},
	// Infallible sinks: their Write never returns an error.
	{Type, "bytes", "Buffer", Infallible, ""},
	{Type, "strings", "Builder", Infallible, ""},
	{Type, "hash", "Hash", Infallible, ""},
	{Type, "hash", "Hash32", Infallible, ""},
	{Type, "hash", "Hash64", Infallible, ""},
	{Var, "io", "Discard", Infallible, ""},
	// In-memory readers cannot fail mid-stream: copying from one fails
	// only on the destination's side.
	{Type, "bytes", "Reader", Infallible, ""},
	{Type, "strings", "Reader", Infallible, ""},
	// io.PipeWriter.Close always returns nil (CloseWithError documents
	// it); a write fails only with ErrClosedPipe, after the reader closed.
	{Type, "io", "PipeWriter", NilClose | Pipe, ""},
	// Standard streams: see StdStream.
	{Var, "os", "Stdout", StdStream, ""},
	{Var, "os", "Stderr", StdStream, ""},
}

type key struct {
	kind       Kind
	path, name string
}

// index is table keyed for lookup; it is built once and never changed.
var index = func() map[key]*Row {
	m := make(map[key]*Row, len(table))
	for i := range table {
		r := &table[i]
		m[key{r.Kind, r.Path, r.Name}] = r
	}
	return m
}()

func lookup(kind Kind, path, name string) *Row {
	return index[key{kind, path, name}]
}

// Op is what a data-committing call does to its target writer.
type Op uint8

const (
	OpNone       Op = iota
	OpWrite         // writes bytes: Write, WriteString, fmt.Fprint, io.WriteString
	OpCopy          // copies a stream: io.Copy, ReadFrom, WriteTo
	OpFlush         // pushes buffered bytes on: Flush() error, csv WriteAll
	OpFlushNoErr    // Flush without a result; the error is read with Error()
	OpClose         // finishes the writer: Close() error
	OpCloseWrite    // half-closes a connection, sending FIN or close_notify
	OpSync          // commits a file to stable storage
	OpFact          // a function known by a fact to return a commit's result
)

// CallRow is a data-committing function of the standard library that is
// not a method: its target writer is an argument.
type CallRow struct {
	Path, Name string
	Op         Op
	Target     int // index of the destination argument
	Source     int // index of the source argument, or -1
}

// calls are the standard library's data-committing functions.
var calls = []CallRow{
	// io.Copy and friends: the error reports a failed write to dst or a
	// failed read from src, either of which truncates dst.
	{"io", "Copy", OpCopy, 0, 1},
	{"io", "CopyN", OpCopy, 0, 1},
	{"io", "CopyBuffer", OpCopy, 0, 1},
	// io.WriteString writes to its first argument.
	{"io", "WriteString", OpWrite, 0, -1},
	// fmt.Fprint* write to their first argument (fmt.Print* write to
	// os.Stdout and are never reported, see StdStream).
	{"fmt", "Fprint", OpWrite, 0, -1},
	{"fmt", "Fprintf", OpWrite, 0, -1},
	{"fmt", "Fprintln", OpWrite, 0, -1},
}

// methodOps maps the names of writer methods to what they do. Whether
// the call matters depends on the receiver (see Judge).
var methodOps = map[string]Op{
	"Write":       OpWrite,
	"WriteString": OpWrite,
	"WriteByte":   OpWrite,
	"WriteRune":   OpWrite,
	"ReadFrom":    OpCopy,
	"WriteTo":     OpCopy,
	"Flush":       OpFlush,
	"WriteAll":    OpFlush, // csv.Writer.WriteAll flushes and returns Error()
	"Close":       OpClose,
	"CloseWrite":  OpCloseWrite,
	"Sync":        OpSync,
}

func callRow(path, name string) *CallRow {
	for i := range calls {
		if calls[i].Path == path && calls[i].Name == name {
			return &calls[i]
		}
	}
	return nil
}
