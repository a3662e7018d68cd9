import { weekdayProfile } from './profile.js';

export interface PreparedSeries {
  /** Demand where it was observed; NaN where censored (stock-out) or invalid. */
  observed: Float64Array;
  /** observed with the NaN days imputed from the recent level before them. */
  filled: Float64Array;
  nObserved: number;
  /** Observed days with demand > 0. */
  nSelling: number;
}

/** Trailing window (days) of observed demand that sets an imputed day's level. */
const IMPUTE_WINDOW = 28;

/**
 * Cleans one history: invalid or negative units and stock-out days become NaN (censored demand,
 * unknown rather than zero), then are imputed as recent weekday-adjusted level × weekday factor so
 * that a stock-out never drags a level or a moving average down.
 */
export function prepareSeries(
  units: readonly number[],
  inStock: readonly boolean[] | undefined,
  dow0: number,
): PreparedSeries {
  const n = units.length;
  const observed = new Float64Array(n);
  let nObserved = 0;
  let nSelling = 0;
  for (let t = 0; t < n; t++) {
    const v = units[t];
    const ok = typeof v === 'number' && Number.isFinite(v) && v >= 0 && inStock?.[t] !== false;
    observed[t] = ok ? v : Number.NaN;
    if (ok) {
      nObserved++;
      if (v > 0) nSelling++;
    }
  }
  const filled = observed.slice();
  if (nObserved === n || nObserved === 0) {
    if (nObserved === 0) filled.fill(0);
    return { observed, filled, nObserved, nSelling };
  }
  const profile = weekdayProfile(observed, dow0, n);
  const globalLevel = levelOver(observed, profile, dow0, 0, n);
  for (let t = 0; t < n; t++) {
    if (!Number.isNaN(observed[t] as number)) continue;
    let level = levelOver(observed, profile, dow0, Math.max(0, t - IMPUTE_WINDOW), t);
    if (Number.isNaN(level)) level = levelOver(observed, profile, dow0, 0, t);
    if (Number.isNaN(level)) level = globalLevel;
    filled[t] = level * (profile[(dow0 + t) % 7] as number);
  }
  return { observed, filled, nObserved, nSelling };
}

/** Weekday-adjusted mean daily demand of the observed days in [from, to); NaN if none. */
function levelOver(y: Float64Array, profile: Float64Array, dow0: number, from: number, to: number): number {
  let s = 0;
  let w = 0;
  for (let t = from; t < to; t++) {
    const v = y[t] as number;
    if (Number.isNaN(v)) continue;
    s += v;
    w += profile[(dow0 + t) % 7] as number;
  }
  return w > 0 ? s / w : Number.NaN;
}
