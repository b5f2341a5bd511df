package a // want package:"pollAPI"

// Package a holds pollpending's positive cases, each beside a near miss
// marked "ok" with the reason it is correct.
