/**
 * Benjamini–Hochberg adjusted p-values (Benjamini & Hochberg 1995), as R's
 * `p.adjust(p, method = "BH")`: q₍ᵢ₎ = min over k ≥ i of min(1, n p₍ₖ₎ / k), for p sorted
 * ascending. Rejecting every test with q ≤ α keeps the expected share of false discoveries
 * among the cells called hot or cold at most α.
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[b]! - p[a]!);
  const q = new Float64Array(n);
  let running = 1;
  order.forEach((i, k) => {
    const rank = n - k; // rank of p[i] among the ascending p-values
    running = Math.min(running, (n * p[i]!) / rank);
    q[i] = Math.min(1, running);
  });
  return q;
}
