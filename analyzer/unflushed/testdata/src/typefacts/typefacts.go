// Package typefacts uses wrapper types whose facts were learned from
// their method bodies in package tfenc.
package typefacts

import (
	"bytes"

	"tfenc"
)

func encode(fields []string) ([]byte, error) {
	var buf bytes.Buffer
	enc := tfenc.NewEncoder(&buf)
	for _, f := range fields {
		if err := enc.WriteField(f); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil // ok: Close writes nothing, so there is nothing to finish
}

func frame(fields []string) ([]byte, error) {
	var buf bytes.Buffer
	fr := tfenc.NewFramer(&buf)
	for _, f := range fields {
		if err := fr.WriteField(f); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil // want `tfenc.Framer "fr" is not closed before returning; data held by the writer would be lost`
}

func marshal(s string) ([]byte, error) {
	var b bytes.Buffer
	enc := tfenc.NewXEncoder(&b)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil // ok: Encode ends with the encoder's own Flush
}

func marshalToken(s string) ([]byte, error) {
	var b bytes.Buffer
	enc := tfenc.NewXEncoder(&b)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	if err := enc.EncodeToken(s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil // want `tfenc.XEncoder "enc" is not closed before returning; data held by the writer would be lost`
}
