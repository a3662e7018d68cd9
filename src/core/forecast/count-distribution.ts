/** Above this mean the negative binomial is replaced by its normal approximation (cost, underflow). */
const NORMAL_ABOVE = 500;

/**
 * Quantiles (ascending levels) of a count distribution with the given mean and variance:
 * negative binomial when overdispersed, Poisson otherwise. Used where too few backtest errors exist.
 */
export function countQuantiles(mean: number, variance: number, levels: readonly number[]): number[] {
  if (!(mean > 0)) return levels.map(() => 0);
  const v = Math.max(variance, mean);
  if (mean > NORMAL_ABOVE) return levels.map((q) => Math.max(0, mean + Math.sqrt(v) * normalQuantile(q)));
  // size r of the negative binomial; Infinity means Poisson.
  const r = v > mean * 1.000001 ? (mean * mean) / (v - mean) : Number.POSITIVE_INFINITY;
  const out: number[] = [];
  let k = 0;
  let p = Number.isFinite(r) ? Math.exp(r * Math.log(r / (r + mean))) : Math.exp(-mean);
  let cdf = p;
  const maxK = Math.ceil(mean + 50 * Math.sqrt(v) + 50);
  for (const q of levels) {
    while (cdf < q && k < maxK) {
      p *= Number.isFinite(r) ? ((k + r) / (k + 1)) * (mean / (r + mean)) : mean / (k + 1);
      k++;
      cdf += p;
    }
    out.push(k);
  }
  return out;
}

/** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number): number => k.reduce((acc, v) => acc * x + v, 0);
  const lowCut = 0.02425;
  if (p < lowCut) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - lowCut) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
