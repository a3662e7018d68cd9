import { describe, expect, it } from 'vitest';
import type { AlertSettings, RecentSales } from '../../../src/core/alerts/index.js';
import { signalsOf, sku, verdict } from './helpers.js';

/** Sales of the last days against a constant forecast band. */
const sales = (actual: number[], band: Record<string, number>): RecentSales => ({
  actual,
  quantiles: Object.fromEntries(Object.entries(band).map(([k, v]) => [k, actual.map(() => v)])),
});
const wide = { p025: 1, p975: 6 };
const narrow = { p05: 2, p95: 5 };

type Row = [string, RecentSales, Partial<AlertSettings>, string | null];

describe('DEMAND_SPIKE: the last 3 days all above the band (clears after 2 days back inside)', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<Row>([
    ['3 days above p975',                 sales([2, 7, 8, 9], wide),   {}, 'firing/warning'],
    ['edge: 3 days exactly at p975',      sales([6, 6, 6], wide),      {}, null],
    ['only 2 days above',                 sales([3, 4, 8, 9], wide),   {}, 'holding/warning'],
    ['1 day back inside holds',           sales([7, 8, 9, 3], wide),   {}, 'holding/warning'],
    ['2 days back inside clears',         sales([7, 8, 9, 3, 4], wide), {}, null],
    ['p05/p95 when no p025/p975',         sales([6, 6, 6], narrow),    {}, 'firing/warning'],
    ['p975 preferred over p95',           sales([6, 6, 6], { ...wide, ...narrow }), {}, null],
    ['configured keys',                   sales([4, 4, 4], { p10: 1, p90: 3 }), { demandBand: { low: ['p10'], high: ['p90'] } }, 'firing/warning'],
    ['no band in the forecast',           sales([9, 9, 9], { p50: 3 }), {}, null],
    ['N = 2',                             sales([3, 8, 9], wide),      { demandOutlierDays: 2 }, 'firing/warning'],
  ])('%s', (_name, recentSales, settings, expected) => {
    expect(verdict(signalsOf('DEMAND_SPIKE', { skus: [sku({ recentSales })] }, settings))).toBe(expected);
  });
});

describe('DEMAND_DROP: the last 3 days all below the band', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<Row>([
    ['3 days below p025',                 sales([3, 0, 0, 0], wide),   {}, 'firing/info'],
    ['edge: 3 days exactly at p025',      sales([1, 1, 1], wide),      {}, null],
    ['a zero lower bound never drops',    sales([0, 0, 0], { p025: 0, p975: 4 }), {}, null],
    ['1 day back inside holds',           sales([0, 0, 0, 2], wide),   {}, 'holding/info'],
    ['back inside for 2 days clears',     sales([0, 0, 0, 2, 3], wide), {}, null],
    ['a spike is not a drop',             sales([9, 9, 9], wide),      {}, null],
  ])('%s', (_name, recentSales, settings, expected) => {
    expect(verdict(signalsOf('DEMAND_DROP', { skus: [sku({ recentSales })] }, settings))).toBe(expected);
  });
});

describe('demand summaries', () => {
  it('names the band and the days', () => {
    const recentSales = {
      ...sales([2, 7, 8, 9], wide),
      dates: ['2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'],
    };
    const [s] = signalsOf('DEMAND_SPIKE', { skus: [sku({ recentSales })] });
    expect(s?.summary).toBe('TEE-RED-M: sales above the forecast p975 for 3 days (sold 7, 8, 9 vs 6, 6, 6)');
    expect(s?.details).toMatchObject({ band: 'p975', dates: ['2026-02-26', '2026-02-27', '2026-02-28'] });
  });

  it('without sales history there is nothing to compare', () => {
    expect(signalsOf('DEMAND_SPIKE', { skus: [sku()] })).toEqual([]);
  });
});
