package withtests_test

import (
	"io"
	"strings"
	"testing"

	"example.com/mod/withtests"
)

func TestExternal(t *testing.T) {
	if err := withtests.Copy(io.Discard, strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}
}
