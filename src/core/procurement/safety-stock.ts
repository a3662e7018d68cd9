import { gammaQuantile } from './gamma.js';

/**
 * Safety stock for the risk period (lead time + review period).
 *
 * Summing per-day quantiles would overstate the quantile of the sum, so each day is treated
 * as a gamma variable matched to its mean and the spread its quantiles imply (see
 * daily-spread.ts), days are taken as independent (means and variances add), and the sum is
 * again matched to a gamma: a skewed, non-negative shape that suits lumpy sales better than a
 * normal. Safety stock = quantile(service level) − mean, never negative.
 */
export function safetyStock(mean: number, variance: number, serviceLevel: number): number {
  return Math.max(0, gammaQuantile(mean, variance, serviceLevel) - mean);
}
