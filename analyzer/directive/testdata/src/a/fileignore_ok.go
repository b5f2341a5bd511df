// ok: a reason is given
//lint:file-ignore flushcheck this file is a fixture of discarded results

package a

// ok: silenced by the file-ignore above, like every flushcheck finding in this file
//
//lint:ignore flushcheck
func fileIgnored() {}
