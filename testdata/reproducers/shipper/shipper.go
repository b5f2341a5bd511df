// Package shipper ships batches of log lines to a collector over a
// non-blocking socket.
package shipper

import "syscall"

// ShipBad treats EAGAIN as the end of the batch: whatever the full
// socket did not take is dropped, and the batch is reported shipped.
func ShipBad(fd int, batch []byte, waitWritable func() error) error {
	for len(batch) > 0 {
		n, err := syscall.Write(fd, batch)
		if err == syscall.EAGAIN {
			return nil // want pollpending `EAGAIN from syscall.Write is treated as success`
		}
		if err != nil {
			return err
		}
		batch = batch[n:]
	}
	return nil
}

// ShipFixed waits for the socket to drain and goes on.
func ShipFixed(fd int, batch []byte, waitWritable func() error) error {
	for len(batch) > 0 {
		n, err := syscall.Write(fd, batch)
		if err == syscall.EAGAIN {
			if err := waitWritable(); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		batch = batch[n:]
	}
	return nil
}
