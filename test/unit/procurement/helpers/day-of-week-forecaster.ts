import type { Forecaster } from '../../../../src/core/procurement/index.js';

const LEVELS: Record<string, number> = {
  p025: 0.025,
  p10: 0.1,
  p50: 0.5,
  p80: 0.8,
  p90: 0.9,
  p95: 0.95,
  p975: 0.975,
};

function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/**
 * A stand-in for the real forecaster: per weekday, the mean and the empirical quantiles of
 * that weekday's last `weeks` values. Weekday positions come from the history index, so
 * firstDate only has to be consistent.
 */
export function dayOfWeekForecaster(weeks = 8): Forecaster {
  return (history, _firstDate, horizon) => {
    const byWeekday: number[][] = [[], [], [], [], [], [], []];
    for (let i = Math.max(0, history.length - weeks * 7); i < history.length; i++) {
      byWeekday[i % 7]?.push(history[i] ?? 0);
    }
    const mean: number[] = [];
    const quantiles: Record<string, number[]> = {};
    for (const key of Object.keys(LEVELS)) quantiles[key] = [];
    for (let h = 0; h < horizon; h++) {
      const values = [...(byWeekday[(history.length + h) % 7] ?? [])].sort((a, b) => a - b);
      mean.push(values.length ? values.reduce((s, x) => s + x, 0) / values.length : 0);
      for (const [key, p] of Object.entries(LEVELS)) quantiles[key]?.push(quantile(values, p));
    }
    return { mean, quantiles };
  };
}
