import { describe, expect, it } from 'vitest';
import {
  addPooled,
  coverage,
  mase,
  pooledBias,
  pooledWape,
  rmsse,
  scaledPinball,
  seasonalNaiveScale,
  shareAtOrBelow,
} from '../../../src/core/forecast/metrics.js';

describe('metrics', () => {
  const history = [1, 2, 3, 4, 5, 6, 7, 3, 2, 3, 4, 5, 6, 9];
  const scale = seasonalNaiveScale(history);

  it('scales by the in-sample weekly seasonal naive error', () => {
    // Lag-7 differences: 2, 0, 0, 0, 0, 0, 2.
    expect(scale.mae).toBeCloseTo(4 / 7, 12);
    expect(scale.rmse).toBeCloseTo(Math.sqrt(8 / 7), 12);
  });

  it('MASE and RMSSE count negative forecasts as zero and skip unknown actuals', () => {
    const actual = [2, 0, Number.NaN];
    const forecast = [1, -3, 100];
    expect(mase(actual, forecast, scale)).toBeCloseTo(0.5 / (4 / 7), 12);
    expect(rmsse(actual, forecast, scale)).toBeCloseTo(Math.sqrt(0.5) / Math.sqrt(8 / 7), 12);
  });

  it('pinball loss weighs under-forecasts by the level', () => {
    // actual 10, quantile 8 at 0.9: 0.9 * 2; actual 0, quantile 8: 0.1 * 8.
    expect(scaledPinball([10, 0], [8, 8], 0.9, { mae: 1, rmse: 1 })).toBeCloseTo((1.8 + 0.8) / 2, 12);
  });

  it('coverage and share at or below', () => {
    expect(coverage([0, 5, 10], [0, 6, 0], [4, 9, 10])).toBeCloseTo(2 / 3, 12);
    expect(shareAtOrBelow([0, 5, 10], [0, 4, 10])).toBeCloseTo(2 / 3, 12);
  });

  it('pooled WAPE and bias', () => {
    const s = { absError: 0, forecast: 0, actual: 0 };
    addPooled(s, [10, 0], [8, 4]);
    addPooled(s, [5], [-1]);
    expect(pooledWape(s)).toBeCloseTo((2 + 4 + 5) / 15, 12);
    expect(pooledBias(s)).toBeCloseTo((12 - 15) / 15, 12);
  });
});
