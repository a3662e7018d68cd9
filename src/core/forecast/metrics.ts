/**
 * Evaluation metrics. Forecasts below zero count as zero; actuals that are NaN (censored or
 * unknown) are skipped. Scaled metrics divide by the in-sample weekly seasonal naive error.
 */

export interface NaiveScale {
  /** Mean absolute in-sample error of the lag-`lag` seasonal naive. */
  mae: number;
  /** Root mean squared in-sample error of the same. */
  rmse: number;
}

export function seasonalNaiveScale(history: ArrayLike<number>, lag = 7): NaiveScale {
  let abs = 0;
  let sq = 0;
  let n = 0;
  for (let t = lag; t < history.length; t++) {
    const e = (history[t] as number) - (history[t - lag] as number);
    if (Number.isNaN(e)) continue;
    abs += Math.abs(e);
    sq += e * e;
    n++;
  }
  return n === 0 ? { mae: Number.NaN, rmse: Number.NaN } : { mae: abs / n, rmse: Math.sqrt(sq / n) };
}

const pos = (v: number): number => (v > 0 ? v : 0);

/** Mean absolute error over the days with a known actual (NaN if none). */
export function mae(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  return meanOver(actual, forecast, (a, f) => Math.abs(a - pos(f)));
}

export function rmse(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  return Math.sqrt(meanOver(actual, forecast, (a, f) => (a - pos(f)) ** 2));
}

export function mase(actual: ArrayLike<number>, forecast: ArrayLike<number>, scale: NaiveScale): number {
  return mae(actual, forecast) / scale.mae;
}

export function rmsse(actual: ArrayLike<number>, forecast: ArrayLike<number>, scale: NaiveScale): number {
  return rmse(actual, forecast) / scale.rmse;
}

/** Mean pinball (quantile) loss at `level`, divided by the MAE scale. */
export function scaledPinball(
  actual: ArrayLike<number>,
  quantile: ArrayLike<number>,
  level: number,
  scale: NaiveScale,
): number {
  const loss = meanOver(actual, quantile, (a, q) => {
    const d = a - pos(q);
    return d >= 0 ? level * d : (level - 1) * d;
  });
  return loss / scale.mae;
}

/** Share of known actuals within [lower, upper]. */
export function coverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  return meanOver(actual, lower, (a, lo, i) => (a >= pos(lo) && a <= pos(upper[i] as number) ? 1 : 0));
}

/** Share of known actuals at or below the quantile. */
export function shareAtOrBelow(actual: ArrayLike<number>, quantile: ArrayLike<number>): number {
  return meanOver(actual, quantile, (a, q) => (a <= pos(q) ? 1 : 0));
}

/** Pooled sums over many series: WAPE = Σ|e| / Σ actual, bias = (Σ forecast − Σ actual) / Σ actual. */
export interface PooledSums {
  absError: number;
  forecast: number;
  actual: number;
}

export function addPooled(sums: PooledSums, actual: ArrayLike<number>, forecast: ArrayLike<number>): void {
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    if (Number.isNaN(a)) continue;
    const f = pos(forecast[i] as number);
    sums.absError += Math.abs(a - f);
    sums.forecast += f;
    sums.actual += a;
  }
}

export function pooledWape(s: PooledSums): number {
  return s.absError / s.actual;
}

export function pooledBias(s: PooledSums): number {
  return (s.forecast - s.actual) / s.actual;
}

function meanOver(
  actual: ArrayLike<number>,
  other: ArrayLike<number>,
  f: (a: number, o: number, i: number) => number,
): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    if (Number.isNaN(a)) continue;
    s += f(a, other[i] as number, i);
    n++;
  }
  return n === 0 ? Number.NaN : s / n;
}
