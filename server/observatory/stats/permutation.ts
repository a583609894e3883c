/**
 * Permutation inference for Gi* (Anselin 1995's conditional randomisation, as GeoDa and PySAL
 * use it for local statistics; spdep 1.2.7 draws a little differently, see `randomisation`).
 *
 * For cell i with neighbour set Nᵢ (the cell itself included), the null hypothesis is that
 * the values around i are a random draw from the rest of the map. Each permutation holds xᵢ
 * in place and draws |Nᵢ| − 1 values without replacement from the other n − 1 cells (a
 * partial Fisher–Yates shuffle). With binary weights the global mean and variance are the same
 * for every permutation of the map, so Gi* is an increasing function of the local sum
 * Σⱼ∈Nᵢ xⱼ alone: comparing sums is comparing Gi* values, without recomputing z.
 *
 * The pseudo p-values, with M permutations, b₊ = #{permuted sum ≥ observed} and
 * b₋ = #{permuted sum ≤ observed}:
 *
 *   folded  = (min(b₊, b₋) + 1) / (M + 1)
 *   p       = min(1, 2 × folded)             (two-sided)
 *
 * `folded` is spdep's "Pr(folded) Sim" (spdep 1.2.7 `localG_perm`: rnk = min(b₊, M − b₊),
 * (rnk + 1) / (M + 1)), and equals it whenever no permuted sum ties the observed one, as with
 * continuous values. On ties we differ on purpose: spdep counts a tie in the upper tail only,
 * which on sparse counts makes every all-zero neighbourhood a 1 / (M + 1) "cold spot" although
 * most permutations tie it; counting ties in both tails makes such a cell unremarkable.
 * `folded` is the smaller tail, uniform on [0, ½] under the null; doubling it gives the
 * two-sided p uniform on [0, 1] that Benjamini–Hochberg assumes (BH on the folded value would
 * let through twice the false discoveries it promises).
 *
 * The `randomisation` scheme is spdep 1.2.7's own null, kept so the engine can be checked
 * against it: every slot, the cell's own included, is drawn with replacement from the other
 * n − 1 values.
 *
 * Reproducible: one mulberry32 stream (the generator of `seededRandom` in shared/demo-city.ts,
 * inlined) per call, consumed cell by cell in region order, so the same values, neighbours,
 * seed and count give the same p-values.
 */
export interface PermutationOptions {
  /** default 999 */
  permutations?: number;
  /** default 1 */
  seed?: number;
  /** default `conditional` */
  scheme?: 'conditional' | 'randomisation';
  /**
   * Besag & Clifford's (1991) sequential stop: a cell stops as soon as its smaller tail holds
   * this many permutations, after L of them, with folded = stopAt / L. Off by default.
   */
  stopAt?: number;
}

export const DEFAULT_PERMUTATIONS = 999;

/** The folded pseudo p-value of every cell (see above), or of the `cells` listed (others 1). */
export function foldedPseudoP(
  x: ArrayLike<number>,
  neighbours: readonly Int32Array[],
  opts: PermutationOptions = {},
  cells?: ArrayLike<number>,
): Float64Array {
  const n = x.length;
  const permutations = opts.permutations ?? DEFAULT_PERMUTATIONS;
  const conditional = (opts.scheme ?? 'conditional') === 'conditional';
  const stopAt = opts.stopAt ?? 0;
  let state = (opts.seed ?? 1) | 0;
  const folded = new Float64Array(n).fill(1);
  const pool = new Float64Array(n);
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(x[i]!));

  const count = cells ? cells.length : n;
  for (let c = 0; c < count; c++) {
    const i = cells ? cells[c]! : c;
    const nb = neighbours[i]!;
    let observed = 0;
    let self = false;
    for (let k = 0; k < nb.length; k++) {
      observed += x[nb[k]!]!;
      if (nb[k] === i) self = true;
    }
    // The other n − 1 values, the cell's own moved to the end out of reach of the draws.
    pool.set(x as ArrayLike<number>);
    pool[i] = x[n - 1]!;
    pool[n - 1] = x[i]!;
    const others = n - 1;
    let draws = nb.length;
    let target = observed;
    if (conditional && self) {
      draws -= 1;
      target -= x[i]!;
    }
    draws = Math.min(draws, others);
    // Sums of the same values added in another order may differ in the last bits (rates):
    // treat anything that close as a tie.
    const eps = 1e-12 * maxAbs * Math.max(1, nb.length);
    let above = 0;
    let below = 0;
    let done = permutations;
    for (let m = 0; m < permutations; m++) {
      let sum = 0;
      for (let k = 0; k < draws; k++) {
        // mulberry32, as `seededRandom`, inlined: a closure call per draw was half the time.
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const u = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
        if (conditional) {
          // Partial Fisher–Yates: the first `draws` slots become a uniform draw without
          // replacement, whatever order the pool was left in by the previous permutation.
          const j = k + Math.floor(u * (others - k));
          const v = pool[j]!;
          pool[j] = pool[k]!;
          pool[k] = v;
          sum += v;
        } else {
          sum += pool[Math.floor(u * others)]!;
        }
      }
      if (sum >= target - eps) above++;
      if (sum <= target + eps) below++;
      if (stopAt > 0 && above >= stopAt && below >= stopAt) {
        done = m + 1;
        break;
      }
    }
    folded[i] =
      done < permutations ? stopAt / done : (Math.min(above, below) + 1) / (permutations + 1);
  }
  return folded;
}

/**
 * Two-sided pseudo p-values (twice the folded value, capped at 1), refined where the first
 * run cannot tell small from very small.
 *
 * M permutations cannot give a p below 2 / (M + 1), and Benjamini–Hochberg multiplies the
 * smallest p by the number of cells: with 999 permutations on a city of 1,500 cells, a "99 %"
 * class would need some 300 cells at that floor. So every cell whose smaller tail holds fewer
 * than 10 of the first M permutations (folded ≤ 10 / (M + 1)) is tested again with a fresh,
 * independent run of up to 10 (M + 1) − 1 permutations, whose p replaces the first. Choosing
 * which cells to re-test from the first run and reading p from the second keeps each p valid:
 * the second run never saw the first. The second run stops a cell early once its smaller tail
 * holds 10 (Besag & Clifford 1991, p = 10 / L after L permutations): only the cells that are
 * really at the floor pay for all of them.
 */
export function refinedPValues(
  x: ArrayLike<number>,
  neighbours: readonly Int32Array[],
  opts: { permutations?: number; seed?: number } = {},
): { p: Float64Array; refinedCells: number; refinedPermutations: number } {
  const permutations = opts.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = opts.seed ?? 1;
  const first = foldedPseudoP(x, neighbours, { permutations, seed });
  const refine: number[] = [];
  first.forEach((f, i) => {
    if (f <= 10 / (permutations + 1)) refine.push(i);
  });
  const refinedPermutations = 10 * (permutations + 1) - 1;
  // An independent stream: a different seed through the same mixing (golden-ratio offset).
  const second = foldedPseudoP(
    x,
    neighbours,
    { permutations: refinedPermutations, seed: (seed + 0x9e3779b9) >>> 0, stopAt: 10 },
    refine,
  );
  const folded = Float64Array.from(first);
  for (const i of refine) folded[i] = second[i]!;
  return {
    p: folded.map((f) => Math.min(1, 2 * f)),
    refinedCells: refine.length,
    refinedPermutations,
  };
}
