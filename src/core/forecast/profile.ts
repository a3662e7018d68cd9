import type { FitContext } from './types.js';

/** Pseudo-days pulling each weekday toward the average: sparse SKUs get a flat-ish profile. */
const PRIOR_DAYS = 4;
/** A weekday is closed when this many sales were expected on it and none happened. */
const CLOSED_EXPECTED_SALES = 5;

/**
 * Multiplicative weekday factors (mean 1 over the 7 weekdays) from the observed (non-NaN) values of
 * y[start, end): the share of selling days per weekday, shrunk toward the average. Frequency, not
 * volume: one huge wholesale order must not make its weekday look busy (volume profiles scored
 * worse on the dev set). A weekday that never sells despite many expected sales (the shop's
 * Saturdays) gets exactly 0.
 */
export function weekdayProfile(y: ArrayLike<number>, dow0: number, end: number, start = 0): Float64Array {
  const n = new Float64Array(7);
  const nz = new Float64Array(7);
  for (let t = start; t < end; t++) {
    const v = y[t] as number;
    if (Number.isNaN(v)) continue;
    const d = (dow0 + t) % 7;
    n[d] = (n[d] as number) + 1;
    if (v > 0) nz[d] = (nz[d] as number) + 1;
  }
  const nAll = n.reduce((a, b) => a + b, 0);
  const nzAll = nz.reduce((a, b) => a + b, 0);
  const out = new Float64Array(7).fill(1);
  if (nAll === 0 || nzAll === 0) return out;
  const pi = nzAll / nAll;
  for (let d = 0; d < 7; d++) {
    const nd = n[d] as number;
    const closed = nz[d] === 0 && pi * nd >= CLOSED_EXPECTED_SALES;
    out[d] = closed ? 0 : ((nz[d] as number) + PRIOR_DAYS * pi) / (nd + PRIOR_DAYS);
  }
  normalise(out);
  return out;
}

function normalise(f: Float64Array): void {
  const s = f.reduce((a, b) => a + b, 0);
  if (s <= 0) {
    f.fill(1);
    return;
  }
  for (let d = 0; d < 7; d++) f[d] = ((f[d] as number) * 7) / s;
}

/** Everything a model needs at origin `end` (history y[0, end)). */
export function makeContext(
  filled: Float64Array,
  observed: Float64Array,
  dow0: number,
  end: number,
): FitContext {
  const profile = weekdayProfile(observed, dow0, end);
  const y = filled.subarray(0, end);
  const z: number[] = [];
  for (let t = 0; t < end; t++) {
    const f = profile[(dow0 + t) % 7] as number;
    if (f > 0) z.push((y[t] as number) / f);
  }
  return { y, dow0, profile, z: Float64Array.from(z) };
}

/** Turns a per-step level into daily means for the horizon after ctx.y. */
export function seasonalise(ctx: FitContext, horizon: number, level: (k: number) => number): Float64Array {
  const out = new Float64Array(horizon);
  const start = ctx.y.length;
  for (let k = 0; k < horizon; k++) {
    out[k] = level(k) * (ctx.profile[(ctx.dow0 + start + k) % 7] as number);
  }
  return out;
}
