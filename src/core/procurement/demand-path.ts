import { dailyVariance } from './daily-spread.js';
import type { ForecastShape } from './input.js';
import { addDays, daysBetween } from './iso-date.js';

/** Forecast demand per day from today on, extended past the horizon by its last week. */
export interface DemandPath {
  /** Mean and variance per day, index 0 = today. */
  mean: number[];
  variance: number[];
  /** Per-day mean and variance used after the last forecast day. */
  tailMean: number;
  tailVariance: number;
}

const TAIL_DAYS = 7;

const clean = (x: number | undefined): number => (x !== undefined && Number.isFinite(x) && x > 0 ? x : 0);

/**
 * Aligns the forecast with `today`. A forecast that starts tomorrow (the default) gets today
 * filled with its first day, since this morning's stock must still serve today's sales; a
 * forecast made days ago (reused between weekly re-forecasts) drops the days already past.
 */
export function demandPath(forecast: ForecastShape, today: string): DemandPath {
  const start = forecast.startDate ?? addDays(today, 1);
  const offset = daysBetween(today, start);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < forecast.mean.length; i++) {
    const m = clean(forecast.mean[i]);
    const q: Record<string, number | undefined> = {};
    for (const [key, values] of Object.entries(forecast.quantiles)) q[key] = values[i];
    mean.push(m);
    variance.push(dailyVariance(m, q));
  }
  const tailFrom = Math.max(0, mean.length - TAIL_DAYS);
  const tailMean = average(mean.slice(tailFrom));
  const tailVariance = average(variance.slice(tailFrom));
  if (offset > 0 && mean.length > 0) {
    mean.unshift(...Array<number>(offset).fill(mean[0] ?? 0));
    variance.unshift(...Array<number>(offset).fill(variance[0] ?? 0));
  } else if (offset < 0) {
    mean.splice(0, -offset);
    variance.splice(0, -offset);
  }
  return { mean, variance, tailMean, tailVariance };
}

export function meanAt(path: DemandPath, day: number): number {
  return path.mean[day] ?? path.tailMean;
}

/** Sum of mean and of variance over days [from, from + days). */
export function sumOver(path: DemandPath, from: number, days: number): { mean: number; variance: number } {
  let mean = 0;
  let variance = 0;
  for (let d = from; d < from + days; d++) {
    mean += path.mean[d] ?? path.tailMean;
    variance += path.variance[d] ?? path.tailVariance;
  }
  return { mean, variance };
}

function average(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}
