package withtests

import (
	"bytes"
	"strings"
	"testing"
)

func TestCopy(t *testing.T) {
	var b bytes.Buffer
	if err := Copy(&b, strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}
}
