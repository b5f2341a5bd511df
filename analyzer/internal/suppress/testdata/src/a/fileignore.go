//lint:file-ignore flushcheck this file is a fixture of discarded results

package a

func fileIgnored() {
	// ok: the whole file is silenced
	bad()
}
