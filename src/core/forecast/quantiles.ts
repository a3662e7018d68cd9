import { countQuantiles } from './count-distribution.js';
import { type HurdleShape, hurdleQuantile } from './hurdle.js';

export const DEFAULT_LEVELS: readonly number[] = [0.025, 0.1, 0.5, 0.8, 0.9, 0.95, 0.975];

/** 0.025 → 'p025', 0.1 → 'p10', 0.5 → 'p50', 0.975 → 'p975'. */
export function quantileKey(level: number): string {
  const permille = Math.round(level * 1000);
  if (permille % 10 === 0) return `p${String(permille / 10).padStart(2, '0')}`;
  return `p${String(permille).padStart(3, '0')}`;
}

/** Valid levels in (0, 1), ascending, without duplicates. */
export function normaliseLevels(levels: readonly number[] | undefined): number[] {
  const src = levels ?? DEFAULT_LEVELS;
  const ok = src.filter((q) => Number.isFinite(q) && q > 0 && q < 1);
  return [...new Set(ok)].sort((a, b) => a - b);
}

/** Linear-interpolation (type 7) quantile of a sorted sample. */
export function sampleQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

export interface QuantileSource {
  /** Hurdle shape of the history and the weekday of each horizon day; undefined = too few sales. */
  hurdle: HurdleShape | undefined;
  weekdayOf: (k: number) => number;
  /** Variance-to-mean ratio of the history, for the count-distribution fallback. */
  dispersion: number;
  /** No quantile may exceed this (a multiple of the largest day seen). */
  cap: number;
}

/**
 * Quantiles around each day's mean. With enough selling days, a hurdle distribution: no sale with
 * the weekday's recent no-sale probability, else a recent selling day's size scaled so that the
 * day's expectation equals the mean (lumpy wholesale multiples and Saturdays' certain zero come out
 * naturally; it beat Gaussian and backtest-residual quantiles on the dev set's pinball loss). Else a
 * negative binomial with the history's dispersion. Monotone in the level, capped, never NaN.
 */
export function buildQuantiles(
  mean: Float64Array,
  levels: readonly number[],
  src: QuantileSource,
): Record<string, number[]> {
  const cols = levels.map(() => new Array<number>(mean.length).fill(0));
  for (let k = 0; k < mean.length; k++) {
    const m = mean[k] as number;
    const h = src.hurdle;
    const qs = h
      ? levels.map((q) => hurdleQuantile(h, src.weekdayOf(k), m, q))
      : countQuantiles(m, m * Math.max(1, src.dispersion), levels);
    let prev = 0;
    for (let i = 0; i < levels.length; i++) {
      const v = Math.min(src.cap, Math.max(prev, finiteOr0(qs[i])));
      (cols[i] as number[])[k] = v;
      prev = v;
    }
  }
  return Object.fromEntries(levels.map((q, i) => [quantileKey(q), cols[i] as number[]]));
}

function finiteOr0(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : 0;
}
