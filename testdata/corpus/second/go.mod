module heldout2

go 1.26
