;; The SIMD kernels of Generalization Lab: the hot loops of a training step, in
;; WebAssembly text with 128-bit SIMD (f32x4), because Go emits no SIMD for WebAssembly.
;;
;; Go calls them through //go:wasmimport "kernels" (sim/nn/kernel) with pointers into its
;; own linear memory, which this module imports as env.memory (public/web/loader.js
;; wires the two). Every pointer is a byte offset into that memory; every length and
;; stride counts float32 elements.
;;
;; # Same bits as Go
;;
;; Each kernel computes exactly what its pure-Go twin in sim/nn/kernel computes, bit for
;; bit, so that a run is the same with or without SIMD, in the browser and natively:
;;
;;   - Vectors run across independent outputs (the columns of a matrix product, the
;;     elements of an update), never along a sum: every output is accumulated in the same
;;     order as Go accumulates it, one term at a time.
;;   - A product is rounded, then added (f32x4.mul, then f32x4.add): as Go does on every
;;     platform we build for (no fused multiply-add).
;;   - The matrix product skips a zero factor of a, as gonum's does (c += a·b only where
;;     a ≠ 0): adding 0·b is not always a no-op (−0, infinities), so the skip is made
;;     exact with a mask rather than dropped.
;;
;; sim/nn/kernel's tests compare every kernel with Go on random shapes, tails included,
;; and on zeros, signed zeros, infinities and NaNs, under node.
(module
  (import "env" "memory" (memory 0))

  ;; gemm adds a·b to c: c[i,j] += Σ_l a(i,l)·b[l,j] for i < m, j < n, l < k in
  ;; increasing l, skipping the terms where a(i,l) = 0. a(i,l) is at a + i·ars + l·acs
  ;; (elements), so a row-major a (ars = lda, acs = 1) and a transposed one (ars = 1,
  ;; acs = lda) share the kernel; b and c are row-major with leading dimensions ldb, ldc.
  ;;
  ;; The work is cut into blocks of 4 rows × 8 columns, whose 8 accumulators stay in
  ;; registers for the whole sum over l (gemm4x8); the rows below the last full block of
  ;; 4 and the columns right of the last full block of 8 are done a row at a time (row).
  ;;
  ;; Skipping a zero a(i,l) is what gonum does, but masking each product is costly in
  ;; SIMD. Adding the product 0·b instead gives the same bits as skipping it unless b is
  ;; infinite or NaN (0·∞ is NaN), or the sum is −0 (−0 + 0 is +0). A sum that does not
  ;; start at −0 never becomes −0 (x + y is −0 only when both are), so when b has only
  ;; finite values and c no −0 — every call of a run that has not diverged — the blocks
  ;; add every product (gemm4x8); otherwise they mask (gemm4x8exact). Checking costs one
  ;; pass over b and c.
  (func (export "gemm")
    (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $ars i32) (param $acs i32)
    (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32)
    (local $m4 i32) (local $n8 i32) (local $i i32) (local $j i32)
    (local $pa i32) (local $pc i32) (local $exact i32)
    ;; strides in bytes
    (local.set $ars (i32.shl (local.get $ars) (i32.const 2)))
    (local.set $acs (i32.shl (local.get $acs) (i32.const 2)))
    (local.set $ldb (i32.shl (local.get $ldb) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $ldc) (i32.const 2)))
    (local.set $m4 (i32.and (local.get $m) (i32.const -4)))
    (local.set $n8 (i32.and (local.get $n) (i32.const -8)))
    (if (i32.eqz (local.get $k)) (then (return)))
    (local.set $exact (i32.or
      (call $anyNonFinite (local.get $b) (local.get $k) (local.get $n) (local.get $ldb))
      (call $anyNegativeZero (local.get $c) (local.get $m) (local.get $n) (local.get $ldc))))
    ;; full blocks of 4 rows
    (local.set $i (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $i) (local.get $m4)))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars))))
        (local.set $pc (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc))))
        (local.set $j (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $j) (local.get $n8)))
            (if (local.get $exact)
              (then
                (call $gemm4x8exact (local.get $k)
                  (local.get $pa) (local.get $ars) (local.get $acs)
                  (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldb)
                  (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldc)))
              (else
                (call $gemm4x8 (local.get $k)
                  (local.get $pa) (local.get $ars) (local.get $acs)
                  (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldb)
                  (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))) (local.get $ldc))))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $cols)))
        ;; the columns right of the last block of 8, for each of the 4 rows
        (if (i32.lt_u (local.get $n8) (local.get $n))
          (then
            (call $row (local.get $k) (local.get $pa) (local.get $acs) (local.get $b) (local.get $ldb)
              (local.get $pc) (local.get $n8) (local.get $n))
            (call $row (local.get $k) (i32.add (local.get $pa) (local.get $ars)) (local.get $acs)
              (local.get $b) (local.get $ldb)
              (i32.add (local.get $pc) (local.get $ldc)) (local.get $n8) (local.get $n))
            (call $row (local.get $k) (i32.add (local.get $pa) (i32.shl (local.get $ars) (i32.const 1))) (local.get $acs)
              (local.get $b) (local.get $ldb)
              (i32.add (local.get $pc) (i32.shl (local.get $ldc) (i32.const 1))) (local.get $n8) (local.get $n))
            (call $row (local.get $k) (i32.add (local.get $pa) (i32.mul (local.get $ars) (i32.const 3))) (local.get $acs)
              (local.get $b) (local.get $ldb)
              (i32.add (local.get $pc) (i32.mul (local.get $ldc) (i32.const 3))) (local.get $n8) (local.get $n))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    ;; the rows below the last block of 4, whole
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $i) (local.get $m)))
        (call $row (local.get $k)
          (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars))) (local.get $acs)
          (local.get $b) (local.get $ldb)
          (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc)))
          (i32.const 0) (local.get $n))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))

  ;; gemm4x8 adds to the 4×8 block of c at pc the products of the 4 rows of a at pa with
  ;; the 8 columns of b at pb, over k > 0 terms. Strides are in bytes.
  ;;
  ;; It adds every product, zero factors included: gemm only calls it when that gives
  ;; the same bits as skipping them (see gemm), which saves a mask per product.
  (func $gemm4x8
    (param $k i32) (param $pa i32) (param $rs i32) (param $cs i32)
    (param $pb i32) (param $ldb i32) (param $pc i32) (param $ldc i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $av v128)
    (local $pa1 i32) (local $pa2 i32) (local $pa3 i32)
    (local $pc1 i32) (local $pc2 i32) (local $pc3 i32)
    (local.set $pa1 (i32.add (local.get $pa) (local.get $rs)))
    (local.set $pa2 (i32.add (local.get $pa1) (local.get $rs)))
    (local.set $pa3 (i32.add (local.get $pa2) (local.get $rs)))
    (local.set $pc1 (i32.add (local.get $pc) (local.get $ldc)))
    (local.set $pc2 (i32.add (local.get $pc1) (local.get $ldc)))
    (local.set $pc3 (i32.add (local.get $pc2) (local.get $ldc)))
    (local.set $c00 (v128.load (local.get $pc)))
    (local.set $c01 (v128.load offset=16 (local.get $pc)))
    (local.set $c10 (v128.load (local.get $pc1)))
    (local.set $c11 (v128.load offset=16 (local.get $pc1)))
    (local.set $c20 (v128.load (local.get $pc2)))
    (local.set $c21 (v128.load offset=16 (local.get $pc2)))
    (local.set $c30 (v128.load (local.get $pc3)))
    (local.set $c31 (v128.load offset=16 (local.get $pc3)))
    (loop $l
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      ;; row 0
      (local.set $av (v128.load32_splat (local.get $pa)))
      (local.set $c00 (f32x4.add (local.get $c00)
        (f32x4.mul (local.get $av) (local.get $b0))))
      (local.set $c01 (f32x4.add (local.get $c01)
        (f32x4.mul (local.get $av) (local.get $b1))))
      ;; row 1
      (local.set $av (v128.load32_splat (local.get $pa1)))
      (local.set $c10 (f32x4.add (local.get $c10)
        (f32x4.mul (local.get $av) (local.get $b0))))
      (local.set $c11 (f32x4.add (local.get $c11)
        (f32x4.mul (local.get $av) (local.get $b1))))
      ;; row 2
      (local.set $av (v128.load32_splat (local.get $pa2)))
      (local.set $c20 (f32x4.add (local.get $c20)
        (f32x4.mul (local.get $av) (local.get $b0))))
      (local.set $c21 (f32x4.add (local.get $c21)
        (f32x4.mul (local.get $av) (local.get $b1))))
      ;; row 3
      (local.set $av (v128.load32_splat (local.get $pa3)))
      (local.set $c30 (f32x4.add (local.get $c30)
        (f32x4.mul (local.get $av) (local.get $b0))))
      (local.set $c31 (f32x4.add (local.get $c31)
        (f32x4.mul (local.get $av) (local.get $b1))))
      (local.set $pa (i32.add (local.get $pa) (local.get $cs)))
      (local.set $pa1 (i32.add (local.get $pa1) (local.get $cs)))
      (local.set $pa2 (i32.add (local.get $pa2) (local.get $cs)))
      (local.set $pa3 (i32.add (local.get $pa3) (local.get $cs)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (v128.store (local.get $pc) (local.get $c00))
    (v128.store offset=16 (local.get $pc) (local.get $c01))
    (v128.store (local.get $pc1) (local.get $c10))
    (v128.store offset=16 (local.get $pc1) (local.get $c11))
    (v128.store (local.get $pc2) (local.get $c20))
    (v128.store offset=16 (local.get $pc2) (local.get $c21))
    (v128.store (local.get $pc3) (local.get $c30))
    (v128.store offset=16 (local.get $pc3) (local.get $c31)))

  ;; gemm4x8exact is gemm4x8 for the rare calls where adding a zero product could change
  ;; c (see gemm): a zero a(i,l) leaves row i unchanged, as Go's skip does. Its products
  ;; are replaced by −0 (x + −0 = x for every x, −0 and NaN included) with a mask, which
  ;; costs less than a branch on data that ReLU makes half zeros, but still triples the
  ;; time of gemm4x8.
  (func $gemm4x8exact
    (param $k i32) (param $pa i32) (param $rs i32) (param $cs i32)
    (param $pb i32) (param $ldb i32) (param $pc i32) (param $ldc i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $av v128) (local $mask v128)
    (local $zero v128) (local $negz v128)
    (local $pa1 i32) (local $pa2 i32) (local $pa3 i32)
    (local $pc1 i32) (local $pc2 i32) (local $pc3 i32)
    (local.set $zero (v128.const f32x4 0 0 0 0))
    (local.set $negz (v128.const f32x4 -0 -0 -0 -0))
    (local.set $pa1 (i32.add (local.get $pa) (local.get $rs)))
    (local.set $pa2 (i32.add (local.get $pa1) (local.get $rs)))
    (local.set $pa3 (i32.add (local.get $pa2) (local.get $rs)))
    (local.set $pc1 (i32.add (local.get $pc) (local.get $ldc)))
    (local.set $pc2 (i32.add (local.get $pc1) (local.get $ldc)))
    (local.set $pc3 (i32.add (local.get $pc2) (local.get $ldc)))
    (local.set $c00 (v128.load (local.get $pc)))
    (local.set $c01 (v128.load offset=16 (local.get $pc)))
    (local.set $c10 (v128.load (local.get $pc1)))
    (local.set $c11 (v128.load offset=16 (local.get $pc1)))
    (local.set $c20 (v128.load (local.get $pc2)))
    (local.set $c21 (v128.load offset=16 (local.get $pc2)))
    (local.set $c30 (v128.load (local.get $pc3)))
    (local.set $c31 (v128.load offset=16 (local.get $pc3)))
    (loop $l
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      ;; row 0
      (local.set $mask (f32x4.ne (local.tee $av (v128.load32_splat (local.get $pa))) (local.get $zero)))
      (local.set $c00 (f32x4.add (local.get $c00)
        (v128.bitselect (f32x4.mul (local.get $av) (local.get $b0)) (local.get $negz) (local.get $mask))))
      (local.set $c01 (f32x4.add (local.get $c01)
        (v128.bitselect (f32x4.mul (local.get $av) (local.get $b1)) (local.get $negz) (local.get $mask))))
      ;; row 1
      (local.set $mask (f32x4.ne (local.tee $av (v128.load32_splat (local.get $pa1))) (local.get $zero)))
      (local.set $c10 (f32x4.add (local.get $c10)
        (v128.bitselect (f32x4.mul (local.get $av) (local.get $b0)) (local.get $negz) (local.get $mask))))
      (local.set $c11 (f32x4.add (local.get $c11)
        (v128.bitselect (f32x4.mul (local.get $av) (local.get $b1)) (local.get $negz) (local.get $mask))))
      ;; row 2
      (local.set $mask (f32x4.ne (local.tee $av (v128.load32_splat (local.get $pa2))) (local.get $zero)))
      (local.set $c20 (f32x4.add (local.get $c20)
        (v128.bitselect (f32x4.mul (local.get $av) (local.get $b0)) (local.get $negz) (local.get $mask))))
      (local.set $c21 (f32x4.add (local.get $c21)
        (v128.bitselect (f32x4.mul (local.get $av) (local.get $b1)) (local.get $negz) (local.get $mask))))
      ;; row 3
      (local.set $mask (f32x4.ne (local.tee $av (v128.load32_splat (local.get $pa3))) (local.get $zero)))
      (local.set $c30 (f32x4.add (local.get $c30)
        (v128.bitselect (f32x4.mul (local.get $av) (local.get $b0)) (local.get $negz) (local.get $mask))))
      (local.set $c31 (f32x4.add (local.get $c31)
        (v128.bitselect (f32x4.mul (local.get $av) (local.get $b1)) (local.get $negz) (local.get $mask))))
      (local.set $pa (i32.add (local.get $pa) (local.get $cs)))
      (local.set $pa1 (i32.add (local.get $pa1) (local.get $cs)))
      (local.set $pa2 (i32.add (local.get $pa2) (local.get $cs)))
      (local.set $pa3 (i32.add (local.get $pa3) (local.get $cs)))
      (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (v128.store (local.get $pc) (local.get $c00))
    (v128.store offset=16 (local.get $pc) (local.get $c01))
    (v128.store (local.get $pc1) (local.get $c10))
    (v128.store offset=16 (local.get $pc1) (local.get $c11))
    (v128.store (local.get $pc2) (local.get $c20))
    (v128.store offset=16 (local.get $pc2) (local.get $c21))
    (v128.store (local.get $pc3) (local.get $c30))
    (v128.store offset=16 (local.get $pc3) (local.get $c31)))

  ;; anyNonFinite reports whether the rows×cols matrix at p (ld bytes between rows) holds
  ;; an infinity or a NaN: x − x is NaN for those and +0 for every finite x.
  (func $anyNonFinite (param $p i32) (param $rows i32) (param $cols i32) (param $ld i32) (result i32)
    (local $q i32) (local $end i32) (local $end4 i32) (local $acc v128) (local $s i32) (local $x f32)
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $q (local.get $p))
        (local.set $end (i32.add (local.get $p) (i32.shl (local.get $cols) (i32.const 2))))
        (local.set $end4 (i32.add (local.get $p) (i32.shl (i32.and (local.get $cols) (i32.const -4)) (i32.const 2))))
        (block $done4
          (loop $v
            (br_if $done4 (i32.ge_u (local.get $q) (local.get $end4)))
            (local.set $acc (v128.or (local.get $acc)
              (f32x4.sub (v128.load (local.get $q)) (v128.load (local.get $q)))))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $v)))
        (block $done1
          (loop $one
            (br_if $done1 (i32.ge_u (local.get $q) (local.get $end)))
            (local.set $x (f32.load (local.get $q)))
            (local.set $s (i32.or (local.get $s) (f32.ne (f32.sub (local.get $x) (local.get $x)) (f32.const 0))))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br $one)))
        (local.set $p (i32.add (local.get $p) (local.get $ld)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row)))
    (i32.or (local.get $s) (v128.any_true (local.get $acc))))

  ;; anyNegativeZero reports whether the rows×cols matrix at p (ld bytes between rows)
  ;; holds a −0.
  (func $anyNegativeZero (param $p i32) (param $rows i32) (param $cols i32) (param $ld i32) (result i32)
    (local $q i32) (local $end i32) (local $end4 i32) (local $acc v128) (local $negz v128) (local $s i32)
    (local.set $negz (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $q (local.get $p))
        (local.set $end (i32.add (local.get $p) (i32.shl (local.get $cols) (i32.const 2))))
        (local.set $end4 (i32.add (local.get $p) (i32.shl (i32.and (local.get $cols) (i32.const -4)) (i32.const 2))))
        (block $done4
          (loop $v
            (br_if $done4 (i32.ge_u (local.get $q) (local.get $end4)))
            (local.set $acc (v128.or (local.get $acc) (i32x4.eq (v128.load (local.get $q)) (local.get $negz))))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $v)))
        (block $done1
          (loop $one
            (br_if $done1 (i32.ge_u (local.get $q) (local.get $end)))
            (local.set $s (i32.or (local.get $s) (i32.eq (i32.load (local.get $q)) (i32.const 0x80000000))))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br $one)))
        (local.set $p (i32.add (local.get $p) (local.get $ld)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row)))
    (i32.or (local.get $s) (v128.any_true (local.get $acc))))

  ;; row adds to columns j0 ≤ j < n of the row of c at pc the products of the row of a at
  ;; pa (stride cs bytes between its k > 0 terms) with b: 8 columns at a time, then 4,
  ;; then one. A single row can afford a branch on a zero a(l), which also saves work.
  (func $row
    (param $k i32) (param $pa i32) (param $cs i32) (param $pb i32) (param $ldb i32)
    (param $pc i32) (param $j0 i32) (param $n i32)
    (local $j i32) (local $l i32) (local $qa i32) (local $qb i32) (local $qc i32)
    (local $s f32) (local $av v128) (local $c0 v128) (local $c1 v128)
    (local.set $j (local.get $j0))
    ;; 8 columns
    (block $done8
      (loop $cols8
        (br_if $done8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $n)))
        (local.set $qc (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $qb (i32.add (local.get $pb) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $qa (local.get $pa))
        (local.set $c0 (v128.load (local.get $qc)))
        (local.set $c1 (v128.load offset=16 (local.get $qc)))
        (local.set $l (local.get $k))
        (loop $terms8
          (if (f32.ne (f32.load (local.get $qa)) (f32.const 0))
            (then
              (local.set $av (v128.load32_splat (local.get $qa)))
              (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $av) (v128.load (local.get $qb)))))
              (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $av) (v128.load offset=16 (local.get $qb)))))))
          (local.set $qa (i32.add (local.get $qa) (local.get $cs)))
          (local.set $qb (i32.add (local.get $qb) (local.get $ldb)))
          (br_if $terms8 (local.tee $l (i32.sub (local.get $l) (i32.const 1)))))
        (v128.store (local.get $qc) (local.get $c0))
        (v128.store offset=16 (local.get $qc) (local.get $c1))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $cols8)))
    ;; 4 columns
    (if (i32.le_u (i32.add (local.get $j) (i32.const 4)) (local.get $n))
      (then
        (local.set $qc (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $qb (i32.add (local.get $pb) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $qa (local.get $pa))
        (local.set $c0 (v128.load (local.get $qc)))
        (local.set $l (local.get $k))
        (loop $terms4
          (if (f32.ne (f32.load (local.get $qa)) (f32.const 0))
            (then
              (local.set $c0 (f32x4.add (local.get $c0)
                (f32x4.mul (v128.load32_splat (local.get $qa)) (v128.load (local.get $qb)))))))
          (local.set $qa (i32.add (local.get $qa) (local.get $cs)))
          (local.set $qb (i32.add (local.get $qb) (local.get $ldb)))
          (br_if $terms4 (local.tee $l (i32.sub (local.get $l) (i32.const 1)))))
        (v128.store (local.get $qc) (local.get $c0))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))))
    ;; one column at a time
    (block $done1
      (loop $cols1
        (br_if $done1 (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $qc (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $qb (i32.add (local.get $pb) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $qa (local.get $pa))
        (local.set $s (f32.load (local.get $qc)))
        (local.set $l (local.get $k))
        (loop $terms1
          (if (f32.ne (f32.load (local.get $qa)) (f32.const 0))
            (then
              (local.set $s (f32.add (local.get $s)
                (f32.mul (f32.load (local.get $qa)) (f32.load (local.get $qb)))))))
          (local.set $qa (i32.add (local.get $qa) (local.get $cs)))
          (local.set $qb (i32.add (local.get $qb) (local.get $ldb)))
          (br_if $terms1 (local.tee $l (i32.sub (local.get $l) (i32.const 1)))))
        (f32.store (local.get $qc) (local.get $s))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $cols1))))

  ;; transpose writes the cols×rows transpose of the rows×cols matrix at src into dst.
  ;; It only moves values, so any order gives the same bits. Blocks of 4×4 are loaded as
  ;; 4 vectors, transposed with 8 shuffles and stored as 4 vectors; the rows below the
  ;; last block of 4 and the columns right of it are moved one value at a time.
  (func (export "transpose") (param $dst i32) (param $src i32) (param $rows i32) (param $cols i32)
    (local $i i32) (local $j i32) (local $rows4 i32) (local $cols4 i32)
    (local $rs i32) (local $ds i32) (local $ps i32) (local $pd i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $rs (i32.shl (local.get $cols) (i32.const 2))) ;; a row of src, in bytes
    (local.set $ds (i32.shl (local.get $rows) (i32.const 2))) ;; a row of dst, in bytes
    (local.set $rows4 (i32.and (local.get $rows) (i32.const -4)))
    (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
    ;; 4×4 blocks
    (block $blocks_done
      (loop $block_rows
        (br_if $blocks_done (i32.ge_u (local.get $i) (local.get $rows4)))
        (local.set $j (i32.const 0))
        (block $row_done
          (loop $block_cols
            (br_if $row_done (i32.ge_u (local.get $j) (local.get $cols4)))
            ;; src[i..i+3][j..j+3]
            (local.set $ps (i32.add (local.get $src)
              (i32.add (i32.mul (local.get $i) (local.get $rs)) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $r0 (v128.load (local.get $ps)))
            (local.set $r1 (v128.load (local.tee $ps (i32.add (local.get $ps) (local.get $rs)))))
            (local.set $r2 (v128.load (local.tee $ps (i32.add (local.get $ps) (local.get $rs)))))
            (local.set $r3 (v128.load (i32.add (local.get $ps) (local.get $rs))))
            ;; t0 = r0[0] r1[0] r0[1] r1[1], t1 = r0[2] r1[2] r0[3] r1[3], same for r2, r3
            (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
            (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
            (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
            (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
            ;; dst[j..j+3][i..i+3]
            (local.set $pd (i32.add (local.get $dst)
              (i32.add (i32.mul (local.get $j) (local.get $ds)) (i32.shl (local.get $i) (i32.const 2)))))
            (v128.store (local.get $pd)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
            (v128.store (local.tee $pd (i32.add (local.get $pd) (local.get $ds)))
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
            (v128.store (local.tee $pd (i32.add (local.get $pd) (local.get $ds)))
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
            (v128.store (i32.add (local.get $pd) (local.get $ds))
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $block_cols)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $block_rows)))
    ;; the columns right of the blocks, in the rows of the blocks
    (call $transposeScalar (local.get $dst) (local.get $src) (local.get $rows) (local.get $cols)
      (i32.const 0) (local.get $rows4) (local.get $cols4) (local.get $cols))
    ;; the rows below the blocks, whole
    (call $transposeScalar (local.get $dst) (local.get $src) (local.get $rows) (local.get $cols)
      (local.get $rows4) (local.get $rows) (i32.const 0) (local.get $cols)))

  ;; transposeScalar moves src[i][j] to dst[j][i] for i0 ≤ i < i1, j0 ≤ j < j1, where src
  ;; is rows×cols.
  (func $transposeScalar (param $dst i32) (param $src i32) (param $rows i32) (param $cols i32)
    (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32)
    (local $i i32) (local $j i32)
    (local.set $i (local.get $i0))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $i) (local.get $i1)))
        (local.set $j (local.get $j0))
        (block $row_done
          (loop $col
            (br_if $row_done (i32.ge_u (local.get $j) (local.get $j1)))
            (f32.store
              (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $rows)) (local.get $i)) (i32.const 2)))
              (f32.load
                (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $col)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row))))

  ;; im2col copies, for n images of h×w positions and c channels (channels last), every
  ;; position's 3×3 neighbourhood into a row of cols: row (e·h + y)·w + x holds the 9·c
  ;; values at (y+ky−1, x+kx−1), ky and kx in 0..2, zeros outside the image. It only moves
  ;; values (with $copy and $zero below).
  (func (export "im2col") (param $cols i32) (param $x i32) (param $n i32) (param $h i32) (param $w i32) (param $c i32)
    (local $e i32) (local $y i32) (local $xx i32) (local $ky i32) (local $kx i32)
    (local $sy i32) (local $sx i32) (local $img i32) (local $dst i32) (local $seg i32) (local $size i32)
    (local.set $seg (i32.shl (local.get $c) (i32.const 2)))                          ;; one position's values, in bytes
    (local.set $size (i32.mul (i32.mul (local.get $h) (local.get $w)) (local.get $seg))) ;; one image, in bytes
    (local.set $dst (local.get $cols))
    (block $images_done
      (loop $images
        (br_if $images_done (i32.ge_u (local.get $e) (local.get $n)))
        (local.set $img (i32.add (local.get $x) (i32.mul (local.get $e) (local.get $size))))
        (local.set $y (i32.const 0))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $y) (local.get $h)))
            (local.set $xx (i32.const 0))
            (block $cols_done
              (loop $positions
                (br_if $cols_done (i32.ge_u (local.get $xx) (local.get $w)))
                (local.set $ky (i32.const 0))
                (loop $kys
                  (local.set $sy (i32.sub (i32.add (local.get $y) (local.get $ky)) (i32.const 1)))
                  (local.set $kx (i32.const 0))
                  (loop $kxs
                    (local.set $sx (i32.sub (i32.add (local.get $xx) (local.get $kx)) (i32.const 1)))
                    ;; unsigned comparisons: −1 is out of range too
                    (if (i32.and (i32.lt_u (local.get $sy) (local.get $h)) (i32.lt_u (local.get $sx) (local.get $w)))
                      (then
                        (call $copy (local.get $dst)
                          (i32.add (local.get $img)
                            (i32.mul (i32.add (i32.mul (local.get $sy) (local.get $w)) (local.get $sx)) (local.get $seg)))
                          (local.get $seg)))
                      (else
                        (call $zero (local.get $dst) (local.get $seg))))
                    (local.set $dst (i32.add (local.get $dst) (local.get $seg)))
                    (br_if $kxs (i32.lt_u (local.tee $kx (i32.add (local.get $kx) (i32.const 1))) (i32.const 3))))
                  (br_if $kys (i32.lt_u (local.tee $ky (i32.add (local.get $ky) (i32.const 1))) (i32.const 3))))
                (local.set $xx (i32.add (local.get $xx) (i32.const 1)))
                (br $positions)))
            (local.set $y (i32.add (local.get $y) (i32.const 1)))
            (br $rows)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $images))))

  ;; copy moves the bytes bytes (a multiple of 4) at src to dst, 16 at a time, then 4 at a
  ;; time: for the few channels of a position (often 1 to 16), this is several times faster
  ;; than memory.copy, whose call costs more than the move. Integer loads and stores move
  ;; the bits as they are (NaN payloads included).
  (func $copy (param $dst i32) (param $src i32) (param $bytes i32)
    (local $end16 i32) (local $i i32)
    (local.set $end16 (i32.and (local.get $bytes) (i32.const -16)))
    (block $vec_done
      (loop $vec
        (br_if $vec_done (i32.ge_u (local.get $i) (local.get $end16)))
        (v128.store (i32.add (local.get $dst) (local.get $i)) (v128.load (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vec)))
    (block $one_done
      (loop $one
        (br_if $one_done (i32.ge_u (local.get $i) (local.get $bytes)))
        (i32.store (i32.add (local.get $dst) (local.get $i)) (i32.load (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $one))))

  ;; zero sets the bytes bytes (a multiple of 4) at dst to zero (+0 as float32), as copy
  ;; moves them.
  (func $zero (param $dst i32) (param $bytes i32)
    (local $end16 i32) (local $i i32)
    (local.set $end16 (i32.and (local.get $bytes) (i32.const -16)))
    (block $vec_done
      (loop $vec
        (br_if $vec_done (i32.ge_u (local.get $i) (local.get $end16)))
        (v128.store (i32.add (local.get $dst) (local.get $i)) (v128.const i32x4 0 0 0 0))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vec)))
    (block $one_done
      (loop $one
        (br_if $one_done (i32.ge_u (local.get $i) (local.get $bytes)))
        (i32.store (i32.add (local.get $dst) (local.get $i)) (i32.const 0))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $one))))

  ;; col2im is im2col's adjoint, the input gradient of a 3×3 convolution: it sets the n
  ;; images of h×w positions and c channels at dx to zero, then adds every 3×c segment of
  ;; cols back onto the position it was copied from, skipping those im2col filled with
  ;; zeros (outside the image).
  ;;
  ;; Same bits as Go: each element of dx is a sum of up to 9 segments, added one at a
  ;; time in the order Go adds them (rows of cols in increasing order, then ky, then kx).
  ;; Vectors run across the channels of one position, which are independent sums, so no
  ;; sum is reordered; the channels past the last multiple of 4 are added one by one.
  (func (export "col2im") (param $dx i32) (param $cols i32) (param $n i32) (param $h i32) (param $w i32) (param $c i32)
    (local $e i32) (local $y i32) (local $xx i32) (local $ky i32) (local $kx i32)
    (local $sy i32) (local $sx i32) (local $img i32) (local $src i32) (local $dst i32)
    (local $seg i32) (local $seg4 i32) (local $size i32) (local $i i32)
    (local.set $seg (i32.shl (local.get $c) (i32.const 2)))                          ;; one position's values, in bytes
    (local.set $seg4 (i32.and (local.get $seg) (i32.const -16)))                      ;; its whole vectors, in bytes
    (local.set $size (i32.mul (i32.mul (local.get $h) (local.get $w)) (local.get $seg))) ;; one image, in bytes
    (memory.fill (local.get $dx) (i32.const 0) (i32.mul (local.get $n) (local.get $size)))
    (local.set $src (local.get $cols))
    (block $images_done
      (loop $images
        (br_if $images_done (i32.ge_u (local.get $e) (local.get $n)))
        (local.set $img (i32.add (local.get $dx) (i32.mul (local.get $e) (local.get $size))))
        (local.set $y (i32.const 0))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $y) (local.get $h)))
            (local.set $xx (i32.const 0))
            (block $cols_done
              (loop $positions
                (br_if $cols_done (i32.ge_u (local.get $xx) (local.get $w)))
                (local.set $ky (i32.const 0))
                (loop $kys
                  (local.set $sy (i32.sub (i32.add (local.get $y) (local.get $ky)) (i32.const 1)))
                  (local.set $kx (i32.const 0))
                  (loop $kxs
                    (local.set $sx (i32.sub (i32.add (local.get $xx) (local.get $kx)) (i32.const 1)))
                    ;; unsigned comparisons: −1 is out of range too
                    (if (i32.and (i32.lt_u (local.get $sy) (local.get $h)) (i32.lt_u (local.get $sx) (local.get $w)))
                      (then
                        (local.set $dst (i32.add (local.get $img)
                          (i32.mul (i32.add (i32.mul (local.get $sy) (local.get $w)) (local.get $sx)) (local.get $seg))))
                        (local.set $i (i32.const 0))
                        (block $vec_done
                          (loop $vec
                            (br_if $vec_done (i32.ge_u (local.get $i) (local.get $seg4)))
                            (v128.store (i32.add (local.get $dst) (local.get $i))
                              (f32x4.add (v128.load (i32.add (local.get $dst) (local.get $i)))
                                         (v128.load (i32.add (local.get $src) (local.get $i)))))
                            (local.set $i (i32.add (local.get $i) (i32.const 16)))
                            (br $vec)))
                        (block $one_done
                          (loop $one
                            (br_if $one_done (i32.ge_u (local.get $i) (local.get $seg)))
                            (f32.store (i32.add (local.get $dst) (local.get $i))
                              (f32.add (f32.load (i32.add (local.get $dst) (local.get $i)))
                                       (f32.load (i32.add (local.get $src) (local.get $i)))))
                            (local.set $i (i32.add (local.get $i) (i32.const 4)))
                            (br $one)))))
                    (local.set $src (i32.add (local.get $src) (local.get $seg)))
                    (br_if $kxs (i32.lt_u (local.tee $kx (i32.add (local.get $kx) (i32.const 1))) (i32.const 3))))
                  (br_if $kys (i32.lt_u (local.tee $ky (i32.add (local.get $ky) (i32.const 1))) (i32.const 3))))
                (local.set $xx (i32.add (local.get $xx) (i32.const 1)))
                (br $positions)))
            (local.set $y (i32.add (local.get $y) (i32.const 1)))
            (br $rows)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $images))))

  ;; maxpool keeps the largest of every 2×2 block of each channel of n images of h×w
  ;; positions and c channels (channels last; an odd last row or column is dropped), and
  ;; the index in x of the value it kept, as Go does: the block's first value, replaced
  ;; by each later one that is strictly greater (so the first of equal values, and never
  ;; a NaN after the first value, wins). Vectors run across channels.
  (func (export "maxpool") (param $y i32) (param $arg i32) (param $x i32) (param $n i32) (param $h i32) (param $w i32) (param $c i32)
    (local $e i32) (local $oy i32) (local $ox i32) (local $ch i32) (local $c4 i32)
    (local $base i32) (local $i00 i32) (local $rowb i32) (local $posb i32)
    (local $best v128) (local $bi v128) (local $v v128) (local $vi v128) (local $m v128) (local $step v128)
    (local $bs f32) (local $bis i32) (local $s f32)
    (local.set $c4 (i32.and (local.get $c) (i32.const -4)))
    (local.set $posb (i32.shl (local.get $c) (i32.const 2)))          ;; one position, in bytes
    (local.set $rowb (i32.mul (local.get $w) (local.get $posb)))      ;; one row, in bytes
    (local.set $step (v128.const i32x4 0 1 2 3))
    (block $images_done
      (loop $images
        (br_if $images_done (i32.ge_u (local.get $e) (local.get $n)))
        (local.set $oy (i32.const 0))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $oy) (i32.shr_u (local.get $h) (i32.const 1))))
            (local.set $ox (i32.const 0))
            (block $outs_done
              (loop $outs
                (br_if $outs_done (i32.ge_u (local.get $ox) (i32.shr_u (local.get $w) (i32.const 1))))
                ;; the index in x of channel 0 of the block's first value
                (local.set $i00 (i32.add
                  (i32.mul (local.get $e) (i32.mul (i32.mul (local.get $h) (local.get $w)) (local.get $c)))
                  (i32.mul (i32.add (i32.mul (i32.shl (local.get $oy) (i32.const 1)) (local.get $w))
                                    (i32.shl (local.get $ox) (i32.const 1))) (local.get $c))))
                (local.set $base (i32.add (local.get $x) (i32.shl (local.get $i00) (i32.const 2))))
                (local.set $ch (i32.const 0))
                (block $vec_done
                  (loop $vec
                    (br_if $vec_done (i32.ge_u (local.get $ch) (local.get $c4)))
                    (local.set $best (v128.load (local.get $base)))
                    (local.set $bi (i32x4.add (i32x4.splat (i32.add (local.get $i00) (local.get $ch))) (local.get $step)))
                    ;; (0, 1)
                    (local.set $v (v128.load (i32.add (local.get $base) (local.get $posb))))
                    (local.set $vi (i32x4.add (local.get $bi) (i32x4.splat (local.get $c))))
                    (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
                    (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
                    (local.set $bi (v128.bitselect (local.get $vi) (local.get $bi) (local.get $m)))
                    ;; (1, 0)
                    (local.set $v (v128.load (i32.add (local.get $base) (local.get $rowb))))
                    (local.set $vi (i32x4.add (i32x4.splat (i32.add (i32.add (local.get $i00) (local.get $ch)) (i32.mul (local.get $w) (local.get $c))))
                      (local.get $step)))
                    (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
                    (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
                    (local.set $bi (v128.bitselect (local.get $vi) (local.get $bi) (local.get $m)))
                    ;; (1, 1)
                    (local.set $v (v128.load (i32.add (i32.add (local.get $base) (local.get $rowb)) (local.get $posb))))
                    (local.set $vi (i32x4.add (local.get $vi) (i32x4.splat (local.get $c))))
                    (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
                    (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
                    (local.set $bi (v128.bitselect (local.get $vi) (local.get $bi) (local.get $m)))
                    (v128.store (local.get $y) (local.get $best))
                    (v128.store (local.get $arg) (local.get $bi))
                    (local.set $y (i32.add (local.get $y) (i32.const 16)))
                    (local.set $arg (i32.add (local.get $arg) (i32.const 16)))
                    (local.set $base (i32.add (local.get $base) (i32.const 16)))
                    (local.set $ch (i32.add (local.get $ch) (i32.const 4)))
                    (br $vec)))
                (block $one_done
                  (loop $one
                    (br_if $one_done (i32.ge_u (local.get $ch) (local.get $c)))
                    (local.set $bs (f32.load (local.get $base)))
                    (local.set $bis (i32.add (local.get $i00) (local.get $ch)))
                    (if (f32.gt (local.tee $s (f32.load (i32.add (local.get $base) (local.get $posb)))) (local.get $bs))
                      (then (local.set $bs (local.get $s)) (local.set $bis (i32.add (i32.add (local.get $i00) (local.get $ch)) (local.get $c)))))
                    (if (f32.gt (local.tee $s (f32.load (i32.add (local.get $base) (local.get $rowb)))) (local.get $bs))
                      (then (local.set $bs (local.get $s))
                        (local.set $bis (i32.add (i32.add (local.get $i00) (local.get $ch)) (i32.mul (local.get $w) (local.get $c))))))
                    (if (f32.gt (local.tee $s (f32.load (i32.add (i32.add (local.get $base) (local.get $rowb)) (local.get $posb)))) (local.get $bs))
                      (then (local.set $bs (local.get $s))
                        (local.set $bis (i32.add (i32.add (i32.add (local.get $i00) (local.get $ch)) (i32.mul (local.get $w) (local.get $c))) (local.get $c)))))
                    (f32.store (local.get $y) (local.get $bs))
                    (i32.store (local.get $arg) (local.get $bis))
                    (local.set $y (i32.add (local.get $y) (i32.const 4)))
                    (local.set $arg (i32.add (local.get $arg) (i32.const 4)))
                    (local.set $base (i32.add (local.get $base) (i32.const 4)))
                    (local.set $ch (i32.add (local.get $ch) (i32.const 1)))
                    (br $one)))
                (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
                (br $outs)))
            (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
            (br $rows)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $images))))

;; # Batch normalization
  ;;
  ;; The four kernels of a batch-norm layer work on rows×C matrices, one channel a column
  ;; (an example's positions are rows too). Vectors run across channels, which are
  ;; independent: every sum over rows is still accumulated one row at a time, in Go's
  ;; order, and every expression is evaluated with Go's operations in Go's order.

  ;; bnstats writes each channel's mean over the rows, and its variance around that mean
  ;; (two passes), in float64: mean[c] = (Σ_r x[r,c]) / rows, then
  ;; variance[c] = (Σ_r (x[r,c] − mean[c])²) / rows. Widening a float32 to float64 is
  ;; exact, and f64x2's add, sub, mul and div round as Go's float64 arithmetic does;
  ;; vectors hold 2 channels (f64x2), the odd last channel goes alone.
  (func (export "bnstats") (param $mean i32) (param $variance i32) (param $x i32) (param $rows i32) (param $ch i32)
    (local $c i32) (local $r i32) (local $p i32) (local $rs i32) (local $nr v128)
    (local $s v128) (local $m v128) (local $d v128) (local $s1 f64) (local $m1 f64) (local $d1 f64)
    (local.set $rs (i32.shl (local.get $ch) (i32.const 2)))                ;; one row, in bytes
    (local.set $nr (f64x2.splat (f64.convert_i32_u (local.get $rows))))
    (if (i32.eqz (local.get $rows)) (then (return)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.gt_u (i32.add (local.get $c) (i32.const 2)) (local.get $ch)))
        ;; the mean
        (local.set $s (f64x2.splat (f64.const 0)))
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $r (local.get $rows))
        (loop $sum
          (local.set $s (f64x2.add (local.get $s) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p)))))
          (local.set $p (i32.add (local.get $p) (local.get $rs)))
          (br_if $sum (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))
        (local.set $m (f64x2.div (local.get $s) (local.get $nr)))
        ;; the variance around it
        (local.set $s (f64x2.splat (f64.const 0)))
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $r (local.get $rows))
        (loop $sq
          (local.set $d (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))) (local.get $m)))
          (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $d) (local.get $d))))
          (local.set $p (i32.add (local.get $p) (local.get $rs)))
          (br_if $sq (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))
        (v128.store (i32.add (local.get $mean) (i32.shl (local.get $c) (i32.const 3))) (local.get $m))
        (v128.store (i32.add (local.get $variance) (i32.shl (local.get $c) (i32.const 3)))
          (f64x2.div (local.get $s) (local.get $nr)))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_u (local.get $c) (local.get $ch))
      (then
        (local.set $s1 (f64.const 0))
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $r (local.get $rows))
        (loop $sum1
          (local.set $s1 (f64.add (local.get $s1) (f64.promote_f32 (f32.load (local.get $p)))))
          (local.set $p (i32.add (local.get $p) (local.get $rs)))
          (br_if $sum1 (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))
        (local.set $m1 (f64.div (local.get $s1) (f64.convert_i32_u (local.get $rows))))
        (local.set $s1 (f64.const 0))
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $r (local.get $rows))
        (loop $sq1
          (local.set $d1 (f64.sub (f64.promote_f32 (f32.load (local.get $p))) (local.get $m1)))
          (local.set $s1 (f64.add (local.get $s1) (f64.mul (local.get $d1) (local.get $d1))))
          (local.set $p (i32.add (local.get $p) (local.get $rs)))
          (br_if $sq1 (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))
        (f64.store (i32.add (local.get $mean) (i32.shl (local.get $c) (i32.const 3))) (local.get $m1))
        (f64.store (i32.add (local.get $variance) (i32.shl (local.get $c) (i32.const 3)))
          (f64.div (local.get $s1) (f64.convert_i32_u (local.get $rows)))))))

  ;; bnnormalize writes, for every row r and channel c, x̂ = (x − mean[c])·invStd[c] and
  ;; y = γ[c]·x̂ + β[c]: a subtraction, a product, a product, a sum, each rounded, as Go.
  (func (export "bnnormalize") (param $y i32) (param $xhat i32) (param $x i32)
    (param $mean i32) (param $invStd i32) (param $gamma i32) (param $beta i32) (param $rows i32) (param $ch i32)
    (local $c i32) (local $c4 i32) (local $r i32) (local $o i32) (local $h v128) (local $h1 f32)
    (local.set $c4 (i32.shl (i32.and (local.get $ch) (i32.const -4)) (i32.const 2))) ;; whole vectors of a row, in bytes
    (local.set $ch (i32.shl (local.get $ch) (i32.const 2)))                            ;; a row, in bytes
    (block $rows_done
      (loop $rowloop
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $c (i32.const 0))
        (block $vec_done
          (loop $vec
            (br_if $vec_done (i32.ge_u (local.get $c) (local.get $c4)))
            (local.set $o (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ch))))
            (local.set $h (f32x4.mul
              (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $o))) (v128.load (i32.add (local.get $mean) (local.get $c))))
              (v128.load (i32.add (local.get $invStd) (local.get $c)))))
            (v128.store (i32.add (local.get $xhat) (local.get $o)) (local.get $h))
            (v128.store (i32.add (local.get $y) (local.get $o))
              (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $gamma) (local.get $c))) (local.get $h))
                         (v128.load (i32.add (local.get $beta) (local.get $c)))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $vec)))
        (block $one_done
          (loop $one
            (br_if $one_done (i32.ge_u (local.get $c) (local.get $ch)))
            (local.set $o (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ch))))
            (local.set $h1 (f32.mul
              (f32.sub (f32.load (i32.add (local.get $x) (local.get $o))) (f32.load (i32.add (local.get $mean) (local.get $c))))
              (f32.load (i32.add (local.get $invStd) (local.get $c)))))
            (f32.store (i32.add (local.get $xhat) (local.get $o)) (local.get $h1))
            (f32.store (i32.add (local.get $y) (local.get $o))
              (f32.add (f32.mul (f32.load (i32.add (local.get $gamma) (local.get $c))) (local.get $h1))
                       (f32.load (i32.add (local.get $beta) (local.get $c)))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $one)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowloop))))

  ;; bnsums adds, for every channel c, Σ_r dy[r,c] to sumDy[c] and Σ_r dy[r,c]·x̂[r,c]
  ;; to sumDyXhat[c], in increasing r, the product rounded before it is added (no FMA).
  (func (export "bnsums") (param $sumDy i32) (param $sumDyXhat i32) (param $dy i32) (param $xhat i32) (param $rows i32) (param $ch i32)
    (local $c i32) (local $r i32) (local $p i32) (local $rs i32) (local $g v128) (local $a v128) (local $b v128)
    (local $g1 f32) (local $a1 f32) (local $b1 f32)
    (local.set $rs (i32.shl (local.get $ch) (i32.const 2)))                ;; one row, in bytes
    (if (i32.eqz (local.get $rows)) (then (return)))
    (block $vec_done
      (loop $vec
        (br_if $vec_done (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $ch)))
        (local.set $a (v128.load (i32.add (local.get $sumDy) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $b (v128.load (i32.add (local.get $sumDyXhat) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $p (i32.shl (local.get $c) (i32.const 2)))                ;; offset of [r, c], in bytes
        (local.set $r (local.get $rows))
        (loop $sum
          (local.set $g (v128.load (i32.add (local.get $dy) (local.get $p))))
          (local.set $a (f32x4.add (local.get $a) (local.get $g)))
          (local.set $b (f32x4.add (local.get $b) (f32x4.mul (local.get $g) (v128.load (i32.add (local.get $xhat) (local.get $p))))))
          (local.set $p (i32.add (local.get $p) (local.get $rs)))
          (br_if $sum (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))
        (v128.store (i32.add (local.get $sumDy) (i32.shl (local.get $c) (i32.const 2))) (local.get $a))
        (v128.store (i32.add (local.get $sumDyXhat) (i32.shl (local.get $c) (i32.const 2))) (local.get $b))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $vec)))
    (block $one_done
      (loop $one
        (br_if $one_done (i32.ge_u (local.get $c) (local.get $ch)))
        (local.set $a1 (f32.load (i32.add (local.get $sumDy) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $b1 (f32.load (i32.add (local.get $sumDyXhat) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $p (i32.shl (local.get $c) (i32.const 2)))
        (local.set $r (local.get $rows))
        (loop $sum1
          (local.set $g1 (f32.load (i32.add (local.get $dy) (local.get $p))))
          (local.set $a1 (f32.add (local.get $a1) (local.get $g1)))
          (local.set $b1 (f32.add (local.get $b1) (f32.mul (local.get $g1) (f32.load (i32.add (local.get $xhat) (local.get $p))))))
          (local.set $p (i32.add (local.get $p) (local.get $rs)))
          (br_if $sum1 (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))
        (f32.store (i32.add (local.get $sumDy) (i32.shl (local.get $c) (i32.const 2))) (local.get $a1))
        (f32.store (i32.add (local.get $sumDyXhat) (i32.shl (local.get $c) (i32.const 2))) (local.get $b1))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $one))))

  ;; bninputgrad writes the input gradient of batch norm, for every row r and channel c:
  ;; dx = (γ[c]·invStd[c]) · ((dy − sumDy[c]·inv) − (x̂·sumDyXhat[c])·inv), grouped
  ;; exactly as Go evaluates its expression (left to right, products first).
  (func (export "bninputgrad") (param $dx i32) (param $dy i32) (param $xhat i32)
    (param $gamma i32) (param $invStd i32) (param $sumDy i32) (param $sumDyXhat i32)
    (param $inv f32) (param $rows i32) (param $ch i32)
    (local $c i32) (local $c4 i32) (local $r i32) (local $o i32) (local $inv4 v128)
    (local.set $inv4 (f32x4.splat (local.get $inv)))
    (local.set $c4 (i32.shl (i32.and (local.get $ch) (i32.const -4)) (i32.const 2))) ;; whole vectors of a row, in bytes
    (local.set $ch (i32.shl (local.get $ch) (i32.const 2)))                            ;; a row, in bytes
    (block $rows_done
      (loop $rowloop
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $c (i32.const 0))
        (block $vec_done
          (loop $vec
            (br_if $vec_done (i32.ge_u (local.get $c) (local.get $c4)))
            (local.set $o (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ch))))
            (v128.store (i32.add (local.get $dx) (local.get $o))
              (f32x4.mul
                (f32x4.mul (v128.load (i32.add (local.get $gamma) (local.get $c))) (v128.load (i32.add (local.get $invStd) (local.get $c))))
                (f32x4.sub
                  (f32x4.sub (v128.load (i32.add (local.get $dy) (local.get $o)))
                             (f32x4.mul (v128.load (i32.add (local.get $sumDy) (local.get $c))) (local.get $inv4)))
                  (f32x4.mul
                    (f32x4.mul (v128.load (i32.add (local.get $xhat) (local.get $o))) (v128.load (i32.add (local.get $sumDyXhat) (local.get $c))))
                    (local.get $inv4)))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $vec)))
        (block $one_done
          (loop $one
            (br_if $one_done (i32.ge_u (local.get $c) (local.get $ch)))
            (local.set $o (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ch))))
            (f32.store (i32.add (local.get $dx) (local.get $o))
              (f32.mul
                (f32.mul (f32.load (i32.add (local.get $gamma) (local.get $c))) (f32.load (i32.add (local.get $invStd) (local.get $c))))
                (f32.sub
                  (f32.sub (f32.load (i32.add (local.get $dy) (local.get $o)))
                           (f32.mul (f32.load (i32.add (local.get $sumDy) (local.get $c))) (local.get $inv)))
                  (f32.mul
                    (f32.mul (f32.load (i32.add (local.get $xhat) (local.get $o))) (f32.load (i32.add (local.get $sumDyXhat) (local.get $c))))
                    (local.get $inv)))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $one)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowloop))))

;; maxpoolgrad is max pooling's backward pass: it sets the nx values at dx to zero, then
  ;; adds each of the ndy gradients at dy to the input that won its block, whose index
  ;; maxpool wrote to arg: dx[arg[o]] += dy[o], in increasing o, as Go does (0 + dy, not
  ;; dy, so that −0 becomes +0 as in Go). It is a scatter, which SIMD cannot do, but it
  ;; runs without Go's bounds checks: it checks each index itself and returns 1, having
  ;; stopped, at the first one outside dx (Go then panics), else 0.
  (func (export "maxpoolgrad") (param $dx i32) (param $dy i32) (param $arg i32) (param $ndy i32) (param $nx i32) (result i32)
    (local $end i32) (local $i i32) (local $p i32)
    (memory.fill (local.get $dx) (i32.const 0) (i32.shl (local.get $nx) (i32.const 2)))
    (local.set $end (i32.add (local.get $dy) (i32.shl (local.get $ndy) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $dy) (local.get $end)))
        (local.set $i (i32.load (local.get $arg)))
        (if (i32.ge_u (local.get $i) (local.get $nx)) (then (return (i32.const 1))))
        (local.set $p (i32.add (local.get $dx) (i32.shl (local.get $i) (i32.const 2))))
        (f32.store (local.get $p) (f32.add (f32.load (local.get $p)) (f32.load (local.get $dy))))
        (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
        (local.set $arg (i32.add (local.get $arg) (i32.const 4)))
        (br $each)))
    (i32.const 0))

  ;; colsum adds the rows of the rows×cols matrix at src to dst: dst[j] += src[i,j], in
  ;; increasing i (a layer's bias gradient: the sum of the output gradients over the batch).
  (func (export "colsum") (param $dst i32) (param $src i32) (param $rows i32) (param $cols i32)
    (local $j i32) (local $i i32) (local $p i32) (local $rs i32) (local $acc v128) (local $s f32)
    (local.set $rs (i32.shl (local.get $cols) (i32.const 2)))
    (if (i32.eqz (local.get $rows)) (then (return)))
    (block $done4
      (loop $cols4
        (br_if $done4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $cols)))
        (local.set $acc (v128.load (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $i (local.get $rows))
        (loop $sum4
          (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $p))))
          (local.set $p (i32.add (local.get $p) (local.get $rs)))
          (br_if $sum4 (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
        (v128.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))) (local.get $acc))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $cols4)))
    (block $done1
      (loop $cols1
        (br_if $done1 (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $s (f32.load (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $i (local.get $rows))
        (loop $sum1
          (local.set $s (f32.add (local.get $s) (f32.load (local.get $p))))
          (local.set $p (i32.add (local.get $p) (local.get $rs)))
          (br_if $sum1 (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
        (f32.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))) (local.get $s))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $cols1))))

  ;; relu writes y[i] = max(x[i], 0) for i < n: Go's max, which f32x4.max is (NaN stays
  ;; NaN, max(−0, 0) = 0).
  (func (export "relu") (param $y i32) (param $x i32) (param $n i32)
    (local $end i32) (local $end4 i32) (local $zero v128)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end4 (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done4
      (loop $v
        (br_if $done4 (i32.ge_u (local.get $x) (local.get $end4)))
        (v128.store (local.get $y) (f32x4.max (v128.load (local.get $x)) (local.get $zero)))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $v)))
    (block $done1
      (loop $s
        (br_if $done1 (i32.ge_u (local.get $x) (local.get $end)))
        (f32.store (local.get $y) (f32.max (f32.load (local.get $x)) (f32.const 0)))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $s))))

  ;; relugrad writes dx[i] = dy[i] where y[i] > 0, else 0, for i < n: the gradient of
  ;; ReLU, which passes where the output was positive.
  (func (export "relugrad") (param $dx i32) (param $dy i32) (param $y i32) (param $n i32)
    (local $end i32) (local $end4 i32) (local $zero v128)
    (local.set $end (i32.add (local.get $y) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end4 (i32.add (local.get $y) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done4
      (loop $v
        (br_if $done4 (i32.ge_u (local.get $y) (local.get $end4)))
        (v128.store (local.get $dx)
          (v128.and (v128.load (local.get $dy)) (f32x4.gt (v128.load (local.get $y)) (local.get $zero))))
        (local.set $dx (i32.add (local.get $dx) (i32.const 16)))
        (local.set $dy (i32.add (local.get $dy) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $v)))
    (block $done1
      (loop $s
        (br_if $done1 (i32.ge_u (local.get $y) (local.get $end)))
        (f32.store (local.get $dx)
          (select (f32.load (local.get $dy)) (f32.const 0) (f32.gt (f32.load (local.get $y)) (f32.const 0))))
        (local.set $dx (i32.add (local.get $dx) (i32.const 4)))
        (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $s))))

  ;; sgd is one step of SGD with momentum and weight decay on n values, in PyTorch's
  ;; form and Go's order of operations: v = (μ·v + g) + λ·w, then w = w − η·v.
  (func (export "sgd") (param $w i32) (param $v i32) (param $g i32) (param $n i32)
    (param $eta f32) (param $mu f32) (param $lambda f32)
    (local $end i32) (local $end4 i32) (local $vv v128) (local $ww v128)
    (local $eta4 v128) (local $mu4 v128) (local $lambda4 v128) (local $vs f32) (local $ws f32)
    (local.set $eta4 (f32x4.splat (local.get $eta)))
    (local.set $mu4 (f32x4.splat (local.get $mu)))
    (local.set $lambda4 (f32x4.splat (local.get $lambda)))
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end4 (i32.add (local.get $w) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done4
      (loop $vec
        (br_if $done4 (i32.ge_u (local.get $w) (local.get $end4)))
        (local.set $ww (v128.load (local.get $w)))
        (local.set $vv (f32x4.add
          (f32x4.add (f32x4.mul (local.get $mu4) (v128.load (local.get $v))) (v128.load (local.get $g)))
          (f32x4.mul (local.get $lambda4) (local.get $ww))))
        (v128.store (local.get $v) (local.get $vv))
        (v128.store (local.get $w) (f32x4.sub (local.get $ww) (f32x4.mul (local.get $eta4) (local.get $vv))))
        (local.set $w (i32.add (local.get $w) (i32.const 16)))
        (local.set $v (i32.add (local.get $v) (i32.const 16)))
        (local.set $g (i32.add (local.get $g) (i32.const 16)))
        (br $vec)))
    (block $done1
      (loop $one
        (br_if $done1 (i32.ge_u (local.get $w) (local.get $end)))
        (local.set $ws (f32.load (local.get $w)))
        (local.set $vs (f32.add
          (f32.add (f32.mul (local.get $mu) (f32.load (local.get $v))) (f32.load (local.get $g)))
          (f32.mul (local.get $lambda) (local.get $ws))))
        (f32.store (local.get $v) (local.get $vs))
        (f32.store (local.get $w) (f32.sub (local.get $ws) (f32.mul (local.get $eta) (local.get $vs))))
        (local.set $w (i32.add (local.get $w) (i32.const 4)))
        (local.set $v (i32.add (local.get $v) (i32.const 4)))
        (local.set $g (i32.add (local.get $g) (i32.const 4)))
        (br $one))))
)
