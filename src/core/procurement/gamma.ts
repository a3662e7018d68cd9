// Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] ?? 1;
  const t = z + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized lower incomplete gamma P(a, x): series below a + 1, continued fraction above. */
export function gammaCdf(shape: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = -x + shape * Math.log(x) - logGamma(shape);
  if (x < shape + 1) {
    let term = 1 / shape;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= x / (shape + n);
      sum += term;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Modified Lentz for the continued fraction of Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - shape;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - shape);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** The p-quantile of a gamma distribution with the given mean and variance (by bisection). */
export function gammaQuantile(mean: number, variance: number, p: number): number {
  if (mean <= 0) return 0;
  if (variance <= 0) return mean;
  const shape = (mean * mean) / variance;
  const scale = variance / mean;
  let lo = 0;
  let hi = mean + 10 * Math.sqrt(variance);
  while (gammaCdf(shape, hi / scale) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gammaCdf(shape, mid / scale) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
