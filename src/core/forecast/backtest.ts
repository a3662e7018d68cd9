import { baseModel, ensembleSpec } from './models/registry.js';
import type { PreparedSeries } from './prepare.js';
import { makeContext } from './profile.js';
import type { FitContext } from './types.js';

/** Fewest history days a backtest origin may leave for fitting. */
export const MIN_TRAIN_DAYS = 42;

/** Forecasts of every requested model at every origin, with the actuals they are scored on. */
export interface Backtest {
  origins: number;
  horizon: number;
  /** Actual demand after each origin, origins × horizon (NaN where censored). */
  actual: Float64Array;
  /** Per model, forecasts aligned with `actual` (negatives already clipped to 0). */
  forecasts: Map<string, Float64Array>;
}

export function originCount(n: number, horizon: number, wanted: number): number {
  return Math.max(0, Math.min(wanted, Math.floor((n - MIN_TRAIN_DAYS) / horizon)));
}

/** Model forecasts from one context; ensembles reuse their members' forecasts. */
export function forecastAll(
  ctx: FitContext,
  names: readonly string[],
  horizon: number,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const base = (name: string): Float64Array => {
    let f = out.get(name);
    if (f === undefined) {
      const model = baseModel(name);
      f = model === undefined ? new Float64Array(horizon) : clean(model.forecast(ctx, horizon));
      out.set(name, f);
    }
    return f;
  };
  for (const name of names) {
    const spec = ensembleSpec(name);
    if (spec === undefined) {
      base(name);
      continue;
    }
    const acc = new Float64Array(horizon);
    for (const m of spec.members) {
      const f = base(m);
      for (let k = 0; k < horizon; k++) acc[k] = (acc[k] as number) + (f[k] as number) / spec.members.length;
    }
    out.set(name, acc);
  }
  return out;
}

/** Rolling-origin backtest: origins at n − j·horizon (j = 1..origins), each forecasting `horizon` days. */
export function runBacktest(
  prep: PreparedSeries,
  dow0: number,
  names: readonly string[],
  horizon: number,
  origins: number,
): Backtest {
  const n = prep.filled.length;
  const actual = new Float64Array(origins * horizon);
  const forecasts = new Map<string, Float64Array>();
  for (const name of names) forecasts.set(name, new Float64Array(origins * horizon));
  for (let j = 0; j < origins; j++) {
    const origin = n - (j + 1) * horizon;
    const ctx = makeContext(prep.filled, prep.observed, dow0, origin);
    const all = forecastAll(ctx, names, horizon);
    const at = j * horizon;
    actual.set(prep.observed.subarray(origin, origin + horizon), at);
    for (const name of names) {
      const f = all.get(name);
      if (f !== undefined) forecasts.get(name)?.set(f, at);
    }
  }
  return { origins, horizon, actual, forecasts };
}

/** Replaces non-finite values by 0 and clips negatives: demand cannot be negative. */
function clean(f: Float64Array): Float64Array {
  for (let k = 0; k < f.length; k++) {
    const v = f[k] as number;
    f[k] = Number.isFinite(v) && v > 0 ? v : 0;
  }
  return f;
}
