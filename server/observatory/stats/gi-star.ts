/**
 * Getis–Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) with binary weights and the cell itself
 * among its neighbours, as `spdep::localG` computes it on a `include.self()` neighbour list
 * with style "B":
 *
 *   Gi* = (Σⱼ wᵢⱼ xⱼ − x̄ Wᵢ) / (S √((n Wᵢ − Wᵢ²) / (n − 1)))
 *
 * with Wᵢ = Σⱼ wᵢⱼ (binary, so also Σⱼ wᵢⱼ²), x̄ the mean over all n cells and
 * S = √(Σ x² / n − x̄²). The result is a z-score. A region with no variance gives 0 everywhere.
 */
export function giStar(x: ArrayLike<number>, neighbours: readonly Int32Array[]): Float64Array {
  const n = x.length;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i]!;
    sumSq += x[i]! * x[i]!;
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  const z = new Float64Array(n);
  if (!(s > 0) || n < 2) return z;
  for (let i = 0; i < n; i++) {
    const nb = neighbours[i]!;
    let local = 0;
    for (let k = 0; k < nb.length; k++) local += x[nb[k]!]!;
    const w = nb.length;
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    z[i] = denominator > 0 ? (local - mean * w) / denominator : 0;
  }
  return z;
}
