package parseerr

func g() int { return 1 }
