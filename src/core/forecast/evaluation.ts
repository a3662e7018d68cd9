import {
  addPooled,
  coverage,
  mase,
  type NaiveScale,
  type PooledSums,
  pooledBias,
  pooledWape,
  rmsse,
  scaledPinball,
  shareAtOrBelow,
} from './metrics.js';

/** Pinball levels reported, and their quantile keys. */
export const PINBALL_LEVELS = [
  [0.5, 'p50'],
  [0.8, 'p80'],
  [0.9, 'p90'],
  [0.95, 'p95'],
] as const;

const PER_SERIES = [
  'rmsse',
  'mase',
  'pin50',
  'pin80',
  'pin90',
  'pin95',
  'cov80',
  'cov95',
  'le90',
  'le95',
] as const;
type PerSeriesKey = (typeof PER_SERIES)[number];

/** Running totals of one model's holdout scores over many SKUs. */
export interface EvalAccumulator {
  sums: Record<PerSeriesKey, number>;
  counts: Record<PerSeriesKey, number>;
  pooled: PooledSums;
  series: number;
}

export type EvalSummary = Record<PerSeriesKey | 'pinAvg' | 'wape' | 'bias', number> & { series: number };

export function newAccumulator(): EvalAccumulator {
  const zero = () => Object.fromEntries(PER_SERIES.map((k) => [k, 0])) as Record<PerSeriesKey, number>;
  return { sums: zero(), counts: zero(), pooled: { absError: 0, forecast: 0, actual: 0 }, series: 0 };
}

/** Adds one SKU: actual holdout (NaN = unknown), its forecast, the in-sample naive scale of its history. */
export function addSeries(
  acc: EvalAccumulator,
  actual: ArrayLike<number>,
  forecast: { mean: ArrayLike<number>; quantiles: Record<string, ArrayLike<number>> },
  scale: NaiveScale,
): void {
  acc.series++;
  addPooled(acc.pooled, actual, forecast.mean);
  const q = (key: string): ArrayLike<number> => forecast.quantiles[key] ?? forecast.mean;
  const put = (key: PerSeriesKey, v: number) => {
    if (!Number.isFinite(v)) return;
    acc.sums[key] += v;
    acc.counts[key] += 1;
  };
  put('rmsse', rmsse(actual, forecast.mean, scale));
  put('mase', mase(actual, forecast.mean, scale));
  for (const [level, key] of PINBALL_LEVELS)
    put(`pin${key.slice(1)}` as PerSeriesKey, scaledPinball(actual, q(key), level, scale));
  put('cov80', coverage(actual, q('p10'), q('p90')));
  put('cov95', coverage(actual, q('p025'), q('p975')));
  put('le90', shareAtOrBelow(actual, q('p90')));
  put('le95', shareAtOrBelow(actual, q('p95')));
}

/** Means over SKUs (skipping undefined per-SKU values, e.g. a zero naive scale), pooled WAPE and bias. */
export function summarise(acc: EvalAccumulator): EvalSummary {
  const avg = (k: PerSeriesKey) => (acc.counts[k] > 0 ? acc.sums[k] / acc.counts[k] : Number.NaN);
  const out = Object.fromEntries(PER_SERIES.map((k) => [k, avg(k)])) as Record<PerSeriesKey, number>;
  return {
    ...out,
    pinAvg: (out.pin50 + out.pin80 + out.pin90 + out.pin95) / 4,
    wape: pooledWape(acc.pooled),
    bias: pooledBias(acc.pooled),
    series: acc.series,
  };
}
