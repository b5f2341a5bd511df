//lint:file-ignore flushcheck

package a

func fileIgnoredWithoutReason() {
	bad() // want "bad call"
}
