package a

import (
	"errors"
	"log"
	"os"
	"testing"
)

func exit() { // want exit:"noReturn"
	log.Print("bye")
	os.Exit(1)
}

func logFatal(err error) { // want logFatal:"noReturn"
	log.Fatal(err)
}

func viaHelper() { // want viaHelper:"noReturn"
	exit()
}

func loop() { // want loop:"noReturn"
	for {
		work()
	}
}

func loopWithBreak() { // ok: the break leaves the loop
	for {
		if work() {
			break
		}
	}
}

func bothBranches(ok bool) { // want bothBranches:"noReturn"
	if ok {
		panic("yes")
	} else {
		exit()
	}
}

func oneBranch(ok bool) { // ok: the if has no else
	if ok {
		panic("yes")
	}
}

func switchAll(n int) int { // want switchAll:"noReturn"
	switch n {
	case 1:
		panic("one")
	default:
		log.Fatalf("%d", n)
	}
	panic("unreachable")
}

func switchNoDefault(n int) { // ok: no case may match
	switch n {
	case 1:
		panic("one")
	}
}

func selectForever() { // want selectForever:"noReturn"
	select {}
}

func fatalTest(t *testing.T) { // want fatalTest:"noReturn"
	t.Fatal("no")
}

func returns() error { // ok: ends in a return
	return errors.New("x")
}

func earlyReturn(ok bool) { // ok: returns on one path
	if ok {
		return
	}
	panic("no")
}

func labeled() { // ok: the labeled loop is left by its break
outer:
	for {
		for {
			break outer
		}
	}
}

func recurse() { // want recurse:"noReturn"
	recurse2()
}

func recurse2() { // want recurse2:"noReturn"
	panic(recursed)
}

var recursed = errors.New("recursed")

func work() bool { return true }
