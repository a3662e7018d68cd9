import { countQuantiles } from './count-distribution.js';
import { type HurdleShape, hurdleQuantile, hurdleZeroMass, type ZeroMass } from './hurdle.js';

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

/**
 * Levels below this are read as the lower ends of central intervals ([p10, p90], [p025, p975]) and
 * randomised inside the zero mass; the median and above stay plain quantiles (pinball-optimal, and
 * one-sided bounds that hold at least their level).
 */
export const RANDOMISED_BELOW = 0.5;

/**
 * Lower quantile of a distribution whose zero mass p0 holds the level: the plain quantile is 0, and
 * an interval from 0 holds every zero, so a zero-heavy day's [p10, p90] held ~90% on the dev set.
 * Randomised instead (the discrete-distribution remedy, as in a randomised PIT): the smallest
 * positive demand when draw < level / p0, else 0, so that a zero falls below it with probability
 * exactly `level`. Plain quantiles (q > 0), levels from the median up and certain zeros pass through.
 */
export function randomisedLowQuantile(
  level: number,
  q: number,
  zero: ZeroMass | undefined,
  draw: number,
): number {
  if (q > 0 || level >= RANDOMISED_BELOW || zero === undefined || !(zero.p0 > 0 && zero.p0 < 1)) return q;
  return draw * zero.p0 < level ? zero.lowest : 0;
}

export interface QuantileSource {
  /** Hurdle shape of the history and the weekday of each horizon day; undefined = too few sales. */
  hurdle: HurdleShape | undefined;
  weekdayOf: (k: number) => number;
  /** Uniform draw in [0, 1) of horizon day k, for the randomised lower quantiles (see horizonDraws). */
  draw: (k: number) => number;
  /** Variance-to-mean ratio of the history, for the count-distribution fallback. */
  dispersion: number;
  /** No quantile may exceed this (a multiple of the largest day seen). */
  cap: number;
}

/**
 * Quantiles around each day's mean. With enough selling days, a hurdle distribution: no sale with
 * the weekday's recent no-sale probability, else a recent selling day's size scaled so that the
 * day's expectation equals the mean (lumpy wholesale multiples and Saturdays' certain zero come out
 * naturally; it beat Gaussian and backtest-residual quantiles on the dev set's pinball loss), with
 * the levels below the median randomised inside the no-sale mass (randomisedLowQuantile). Else a
 * negative binomial with the history's dispersion, plain: with under 8 sales a year, a lower end of
 * one unit against a mean of a few hundredths cost 0.006 of average scaled pinball on the dev set.
 * Monotone in the level, capped, never NaN.
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
    const variance = m * Math.max(1, src.dispersion);
    const qs = h
      ? levels.map((q) => hurdleQuantile(h, src.weekdayOf(k), m, q))
      : countQuantiles(m, variance, levels);
    const zero = h ? hurdleZeroMass(h, src.weekdayOf(k), m) : undefined;
    const draw = src.draw(k);
    let prev = 0;
    for (let i = 0; i < levels.length; i++) {
      const q = randomisedLowQuantile(levels[i] as number, finiteOr0(qs[i]), zero, draw);
      const v = Math.min(src.cap, Math.max(prev, finiteOr0(q)));
      (cols[i] as number[])[k] = v;
      prev = v;
    }
  }
  return Object.fromEntries(levels.map((q, i) => [quantileKey(q), cols[i] as number[]]));
}

function finiteOr0(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : 0;
}

/** Fractional part of the golden ratio: consecutive multiples spread evenly over [0, 1). */
const GOLDEN = 0.6180339887498949;

/**
 * Deterministic uniform draws for the horizon days: a golden-ratio (Weyl) sequence, so any run of
 * days gets evenly spread draws, offset by a hash of the history, so that SKUs sharing a calendar
 * do not share their draws (their misses would come on the same days). Same input, same draws.
 */
export function horizonDraws(history: ArrayLike<number>): (k: number) => number {
  let h = 0x811c9dc5;
  for (let t = 0; t < history.length; t++) {
    const v = history[t] as number;
    h = Math.imul(h ^ (Number.isNaN(v) ? -1 : Math.round(v * 1000) | 0), 0x01000193) >>> 0;
  }
  const offset = h / 4294967296;
  return (k) => (offset + (k + 1) * GOLDEN) % 1;
}
