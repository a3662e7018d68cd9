/** Standard normal quantiles of the forecast's quantile levels. */
const Z: Record<string, number> = {
  p025: -1.959964,
  p10: -1.281552,
  p50: 0,
  p80: 0.841621,
  p90: 1.281552,
  p95: 1.644854,
  p975: 1.959964,
};

// Intervals whose width gives a σ; upper-side ones too, because for demand the upper tail is
// what safety stock protects against.
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['p10', 'p90'],
  ['p025', 'p975'],
  ['p50', 'p80'],
  ['p50', 'p95'],
];

/**
 * Variance of one day's demand from its quantiles: the mean of the normal-equivalent σ of
 * each interval the forecast has, squared. Floored at the mean (Poisson) because sales counts
 * are not less dispersed than Poisson, and rounded integer quantiles of slow movers often
 * pretend they are.
 */
export function dailyVariance(mean: number, quantiles: Readonly<Record<string, number | undefined>>): number {
  const sigmas: number[] = [];
  for (const [lo, hi] of PAIRS) {
    const a = quantiles[lo];
    const b = quantiles[hi];
    const za = Z[lo];
    const zb = Z[hi];
    if (a === undefined || b === undefined || za === undefined || zb === undefined) continue;
    if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) continue;
    sigmas.push((b - a) / (zb - za));
  }
  const m = Math.max(0, mean);
  if (sigmas.length === 0) return m;
  const sigma = sigmas.reduce((s, x) => s + x, 0) / sigmas.length;
  return Math.max(sigma * sigma, m);
}
