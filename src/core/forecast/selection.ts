import type { Backtest } from './backtest.js';
import { mase, type NaiveScale, rmsse } from './metrics.js';
import type { BacktestMetrics } from './types.js';

/**
 * A challenger replaces the field's first model (the default) only if its backtest MASE is this
 * much lower. Per-SKU selection on a few origins is noisy: on the dev set a plain argmin lost to
 * the default alone, a 15% bar kept the gains of clear winners.
 */
export const CHALLENGE_MARGIN = 0.15;

/** Backtest scores of one model; a zero naive scale (constant history) falls back to raw errors. */
export function scoreBacktest(bt: Backtest, name: string, scale: NaiveScale): BacktestMetrics {
  const f = bt.forecasts.get(name) ?? new Float64Array(bt.actual.length);
  const s = { mae: scale.mae > 0 ? scale.mae : 1, rmse: scale.rmse > 0 ? scale.rmse : 1 };
  let sf = 0;
  let sa = 0;
  for (let i = 0; i < f.length; i++) {
    const a = bt.actual[i] as number;
    if (Number.isNaN(a)) continue;
    sf += f[i] as number;
    sa += a;
  }
  const m = mase(bt.actual, f, s);
  const r = rmsse(bt.actual, f, s);
  return {
    mase: Number.isFinite(m) ? m : null,
    rmsse: Number.isFinite(r) ? r : null,
    bias: sa > 0 ? (sf - sa) / sa : null,
    origins: bt.origins,
  };
}

/**
 * Index of the chosen model: the default (index 0) unless a challenger's MASE is below
 * (1 − CHALLENGE_MARGIN) × the default's; then the lowest MASE, earlier entries winning ties.
 * Deterministic for a given input.
 */
export function pickModel(scores: readonly BacktestMetrics[]): number {
  const val = (i: number): number => scores[i]?.mase ?? Number.POSITIVE_INFINITY;
  let best = 0;
  const bar = val(0) * (1 - CHALLENGE_MARGIN);
  for (let i = 1; i < scores.length; i++) {
    if (val(i) < bar && val(i) < (best === 0 ? Number.POSITIVE_INFINITY : val(best))) best = i;
  }
  return best;
}
