import { describe, expect, it } from 'vitest';
import { demandPath, sumOver } from '../../../src/core/procurement/demand-path.js';
import { safetyStock } from '../../../src/core/procurement/safety-stock.js';
import { flatForecast } from './helpers/build-input.js';

describe('safetyStock = gamma quantile of risk-period demand − its mean', () => {
  it.each([
    // name,                           mean, variance, service, expected
    ['Poisson 100 at 95%', 100, 100, 0.95, 17.0],
    ['Poisson 28 at 95%', 28, 28, 0.95, 9.23],
    ['overdispersed 28 (var ×4)', 28, 112, 0.95, 19.37],
    ['higher service, more stock', 28, 112, 0.99, 30.28], // 2 × χ²(14) 99% − 28,
    ['lumpy: mean 2.8, var 20', 2.8, 20, 0.95, 8.92],
    ['service below the median → 0', 100, 100, 0.3, 0],
    ['no demand → 0', 0, 0, 0.95, 0],
    ['no uncertainty → 0', 50, 0, 0.95, 0],
  ])('%s', (_name, mean, variance, service, expected) => {
    expect(safetyStock(mean, variance, service)).toBeCloseTo(expected, 1);
  });

  it('is below the sum of the daily quantiles, which overstates the quantile of the sum', () => {
    // 4/day with p95 = 9 each day over a 14-day lead time.
    const path = demandPath(
      flatForecast(4, { startDate: '2026-03-01', quantiles: { p50: 4, p95: 9 } }),
      '2026-03-01',
    );
    const risk = sumOver(path, 0, 14);
    const naive = 14 * 9 - risk.mean;
    const ours = safetyStock(risk.mean, risk.variance, 0.95);
    expect(ours).toBeGreaterThan(0);
    expect(ours).toBeLessThan(naive / 3);
  });
});
