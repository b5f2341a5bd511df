#include "textflag.h"

TEXT ·noBody(SB),NOSPLIT,$0
	RET
