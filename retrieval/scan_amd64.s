//go:build !purego

#include "textflag.h"

// scoreRowsAVX2 computes each row's dot product exactly as dot() in
// vector.go defines it, so the scores are bit-identical to the pure-Go
// path: 64 accumulators held in eight 8-lane registers (element i of each
// whole 64-element group goes to accumulator i%64; products are rounded,
// then added, never fused); the leftover whole groups of 8 go to the first
// register; the registers are reduced by the fixed tree below; and the
// last dim%8 products are added one by one to that sum.
//
// Rows are read one after another, each front to back, so the scan is a
// single sequential stream per core, which the hardware prefetcher follows
// at full bandwidth. (Scoring eight rows at once, the earlier design, makes
// eight short streams and ran 10-15% slower than a plain read of the same
// bytes; this runs within a few percent of it.)

// MACC multiplies the 8 floats at offset OFF of the row (DI) by the
// query's (R10) and adds them into accumulator ACC, using T.
#define MACC(OFF, T, ACC) \
	VMOVUPS OFF(R10), T \
	VMULPS  OFF(DI), T, T \
	VADDPS  T, ACC, ACC

// func scoreRowsAVX2(q *float32, m *float32, dim int, rows int, out *float32)
TEXT ·scoreRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ q+0(FP), SI
	MOVQ m+8(FP), DI      // DI walks the matrix, row after row
	MOVQ dim+16(FP), CX
	MOVQ rows+24(FP), BX
	MOVQ out+32(FP), DX
	MOVQ CX, R13
	SHRQ $6, R13          // R13 = whole groups of 64
	MOVQ CX, R12
	SHRQ $3, R12
	ANDQ $7, R12          // R12 = whole groups of 8 after them
	MOVQ CX, R11
	ANDQ $7, R11          // R11 = single elements after those

row:
	CMPQ BX, $0
	JLE  done
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	MOVQ SI, R10          // R10 walks the query
	MOVQ R13, AX

loop64:
	CMPQ AX, $0
	JEQ  loop8start
	MACC(0, Y8, Y0)
	MACC(32, Y9, Y1)
	MACC(64, Y10, Y2)
	MACC(96, Y11, Y3)
	MACC(128, Y12, Y4)
	MACC(160, Y13, Y5)
	MACC(192, Y14, Y6)
	MACC(224, Y15, Y7)
	ADDQ $256, R10
	ADDQ $256, DI
	DECQ AX
	JMP  loop64

loop8start:
	MOVQ R12, AX

loop8:
	CMPQ AX, $0
	JEQ  reduce
	MACC(0, Y8, Y0)
	ADDQ $32, R10
	ADDQ $32, DI
	DECQ AX
	JMP  loop8

reduce:
	VADDPS Y1, Y0, Y0
	VADDPS Y3, Y2, Y2
	VADDPS Y5, Y4, Y4
	VADDPS Y7, Y6, Y6
	VADDPS Y2, Y0, Y0
	VADDPS Y6, Y4, Y4
	VADDPS Y4, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPS X1, X0, X0         // lane j += lane j+4
	VMOVHLPS X0, X0, X1
	VADDPS X1, X0, X0         // lane j += lane j+2
	VSHUFPS $0x55, X0, X0, X1
	VADDSS X1, X0, X0         // lane 0 += lane 1
	MOVQ R11, AX

loop1:
	CMPQ AX, $0
	JEQ  store
	VMOVSS (R10), X1
	VMULSS (DI), X1, X1
	VADDSS X1, X0, X0
	ADDQ $4, R10
	ADDQ $4, DI
	DECQ AX
	JMP  loop1

store:
	VMOVSS X0, 0(DX)
	ADDQ $4, DX
	DECQ BX
	JMP  row

done:
	VZEROUPPER
	RET
