//lint:file-ignore flushcheck/other another check's business

package a

func fileIgnoredOther() {
	bad() // want "bad call"
}
