package a

// A struct value copied into a field carries the files it was built
// with: internal/fuzz's workerClient embeds a workerComm made of
// os.Pipe's ends, while the worker process builds its own from
// os.NewFile for a workerServer.

import "os"

type comm struct {
	in, out *os.File
}

type pipeClient struct {
	comm
	calls int
}

func newPipeClient(c comm) *pipeClient { return &pipeClient{c, 0} }

func (c *pipeClient) send(p []byte) error {
	_, err := c.in.Write(p)
	return err
}

func (c *pipeClient) Close() error {
	if err := c.in.Close(); err != nil {
		c.out.Close()
		return err
	}
	return c.out.Close()
}

func startPipeClient() (*pipeClient, error) {
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer inR.Close()
	outR, outW, err := os.Pipe()
	if err != nil {
		inW.Close()
		return nil, err
	}
	defer outW.Close()
	c := comm{in: inW, out: outR}
	return newPipeClient(c), nil
}

func stopPipeClient(c *pipeClient) {
	c.Close() // ok: its files are the ends of pipes, whatever a server's are
}

// assignedClient is given its comm by an assignment, from a local.
type assignedClient struct{ c comm }

func (a *assignedClient) Close() error { return a.c.in.Close() }

func startAssignedClient() (*assignedClient, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cm := comm{w, r}
	a := new(assignedClient)
	a.c = cm
	return a, nil
}

func stopAssignedClient(a *assignedClient) {
	a.Close() // ok: its files are the ends of pipes
}

// pipeServer keeps a comm of files it did not open.
type pipeServer struct {
	comm
}

func serve() *pipeServer {
	return &pipeServer{comm: comm{in: os.NewFile(3, "in"), out: os.NewFile(4, "out")}}
}

func (s *pipeServer) reply(p []byte) error {
	_, err := s.out.Write(p)
	return err
}

func stopServer(s *pipeServer) {
	s.out.Close() // want `error from \(\*os.File\).Close on s.out is discarded just before returning; data written to the file may not reach the disk`
}

// fileClient's comm is once built from a file.
type fileComm struct{ in *os.File }

type fileClient struct{ fileComm }

func newFileClient(c fileComm) *fileClient { return &fileClient{fileComm: c} }

func (c *fileClient) send(p []byte) error {
	_, err := c.in.Write(p)
	return err
}

func (c *fileClient) Close() error { return c.in.Close() }

func startFileClients() (*fileClient, *fileClient, error) {
	_, w, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	return newFileClient(fileComm{in: w}), newFileClient(fileComm{in: os.NewFile(3, "in")}), nil
}

func stopFileClient(c *fileClient) {
	c.Close() // want `error from \(\*a.fileClient\).Close on c is discarded just before returning; data written to the file may not reach the disk`
}

// createdClient's comm is once built from a created file.
type createdComm struct{ in *os.File }

type createdClient struct{ createdComm }

func (c *createdClient) send(p []byte) error {
	_, err := c.in.Write(p)
	return err
}

func (c *createdClient) Close() error { return c.in.Close() }

func startCreatedClient(path string, toFile bool) (*createdClient, error) {
	_, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c := createdComm{in: w}
	if toFile {
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		c = createdComm{in: f}
	}
	return &createdClient{createdComm: c}, nil
}

func stopCreatedClient(c *createdClient) {
	c.Close() // want `error from \(\*a.createdClient\).Close on c is discarded just before returning; data written to the file may not reach the disk`
}

// ExportedClient's constructor may be given any file by other packages.
type exportedComm struct{ in *os.File }

type ExportedClient struct{ exportedComm }

func NewExportedClient(c exportedComm) *ExportedClient { return &ExportedClient{exportedComm: c} }

func (c *ExportedClient) send(p []byte) error {
	_, err := c.in.Write(p)
	return err
}

func (c *ExportedClient) Close() error { return c.in.Close() }

type exportedServer struct{ exportedComm }

func serveExported() *exportedServer {
	return &exportedServer{exportedComm{in: os.NewFile(3, "in")}}
}

func startExportedClient() (*ExportedClient, error) {
	_, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	return NewExportedClient(exportedComm{in: w}), nil
}

func stopExportedClient(c *ExportedClient) {
	c.Close() // want `error from \(\*a.ExportedClient\).Close on c is discarded just before returning; data written to the file may not reach the disk`
}

// addrClient's comm is handed by address to a function that may store
// into it.
type addrComm struct{ in *os.File }

type addrClient struct{ addrComm }

func (c *addrClient) send(p []byte) error {
	_, err := c.in.Write(p)
	return err
}

func (c *addrClient) Close() error { return c.in.Close() }

func reopen(c *addrComm, path string) {
	if f, err := os.Create(path); err == nil {
		*c = addrComm{in: f}
	}
}

func startAddrClient(path string) (*addrClient, error) {
	_, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c := addrComm{in: w}
	reopen(&c, path)
	return &addrClient{addrComm: c}, nil
}

func stopAddrClient(c *addrClient) {
	c.Close() // want `error from \(\*a.addrClient\).Close on c is discarded just before returning; data written to the file may not reach the disk`
}

// reassignedClient's file is replaced after it is built.
type reassignedComm struct{ in *os.File }

type reassignedClient struct{ reassignedComm }

func newReassignedClient(c reassignedComm) *reassignedClient {
	return &reassignedClient{reassignedComm: c}
}

func (c *reassignedClient) send(p []byte) error {
	_, err := c.in.Write(p)
	return err
}

func (c *reassignedClient) Close() error { return c.in.Close() }

func startReassignedClient(path string) (*reassignedClient, error) {
	_, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c := newReassignedClient(reassignedComm{in: w})
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	c.in = f
	return c, nil
}

func stopReassignedClient(c *reassignedClient) {
	c.Close() // want `error from \(\*a.reassignedClient\).Close on c is discarded just before returning; data written to the file may not reach the disk`
}

// ptrClient's comm has a method that replaces it through a pointer.
type ptrComm struct{ in *os.File }

func (c *ptrComm) redirect(f *os.File) { *c = ptrComm{in: f} }

type ptrClient struct{ ptrComm }

func (c *ptrClient) send(p []byte) error {
	_, err := c.in.Write(p)
	return err
}

func (c *ptrClient) Close() error { return c.in.Close() }

func startPtrClient(path string) (*ptrClient, error) {
	_, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c := &ptrClient{ptrComm: ptrComm{in: w}}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	c.redirect(f)
	return c, nil
}

func stopPtrClient(c *ptrClient) {
	c.Close() // want `error from \(\*a.ptrClient\).Close on c is discarded just before returning; data written to the file may not reach the disk`
}

// paramClient's constructor may replace the comm its caller gives it.
type paramComm struct{ in *os.File }

type paramClient struct{ paramComm }

func newParamClient(c paramComm, inherited bool) *paramClient {
	if inherited {
		c = paramComm{in: os.NewFile(3, "in")}
	}
	return &paramClient{paramComm: c}
}

func (c *paramClient) send(p []byte) error {
	_, err := c.in.Write(p)
	return err
}

func (c *paramClient) Close() error { return c.in.Close() }

func startParamClient(inherited bool) (*paramClient, error) {
	_, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	return newParamClient(paramComm{in: w}, inherited), nil
}

func stopParamClient(c *paramClient) {
	c.Close() // want `error from \(\*a.paramClient\).Close on c is discarded just before returning; data written to the file may not reach the disk`
}
