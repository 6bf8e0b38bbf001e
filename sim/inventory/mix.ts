/**
 * Splits the requested number of resources between kinds and scopes: fixed kinds first (the
 * layout's namespaces), the rest by each kind's weight with the largest-remainder method, so the
 * total is exactly N; then evenly over the kind's scopes.
 */

/** Splits `total` into integer parts proportional to `weights`, summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

/** Share of `total` that scope `index` of `scopes` gets when split evenly. */
export function evenShare(total: number, index: number, scopes: number): number {
  return Math.floor(((index + 1) * total) / scopes) - Math.floor((index * total) / scopes);
}
