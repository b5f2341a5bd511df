module heldout3

go 1.26
