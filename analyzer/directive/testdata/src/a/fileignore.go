// want +1 `^//lint:file-ignore flushcheck directive has no reason`
//lint:file-ignore flushcheck

package a
