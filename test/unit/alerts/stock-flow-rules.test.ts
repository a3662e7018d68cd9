import { describe, expect, it } from 'vitest';
import type { AlertSettings, SkuObservation } from '../../../src/core/alerts/index.js';
import { signalsOf, sku, verdict } from './helpers.js';

type Row = [string, Partial<SkuObservation>, Partial<AlertSettings>, string | null];

describe('OVERSTOCK: cover above 180 days (clears at 160)', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<Row>([
    ['cover 181 days',                    { coverDays: 181 },                                     {}, 'firing/info'],
    ['edge: cover exactly 180',           { coverDays: 180 },                                     {}, 'holding/info'],
    ['cover 161 inside the margin',       { coverDays: 161 },                                     {}, 'holding/info'],
    ['cover 160 cleared',                 { coverDays: 160 },                                     {}, null],
    ['stock with no demand at all',       { coverDays: null, runwayDays: null, dailyDemand: 0 },  {}, 'firing/info'],
    ['no forecast is not overstock',      { coverDays: null, runwayDays: null, dailyDemand: null }, {}, null],
    ['nothing in stock or on order',      { stock: 0, coverDays: 0 },                             {}, null],
    ['company threshold 90',              { coverDays: 91 },                                      { overstockDays: 90 }, 'firing/info'],
  ])('%s', (_name, patch, settings, expected) => {
    expect(verdict(signalsOf('OVERSTOCK', { skus: [sku(patch)] }, settings))).toBe(expected);
  });
});

describe('RAPID_DEPLETION: over 30 % of the stock gone in 24 h (clears at 20 %, at least 5 units)', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<Row>([
    ['100 → 69 is 31 %',                  { stock24hAgo: 100, stock: 69 },   {}, 'firing/warning'],
    ['edge: 100 → 70 is exactly 30 %',    { stock24hAgo: 100, stock: 70 },   {}, 'holding/warning'],
    ['100 → 79 inside the margin',        { stock24hAgo: 100, stock: 79 },   {}, 'holding/warning'],
    ['100 → 80 cleared at 20 %',          { stock24hAgo: 100, stock: 80 },   {}, null],
    ['all gone',                          { stock24hAgo: 20, stock: 0 },     {}, 'firing/warning'],
    ['oversold counts as all gone',       { stock24hAgo: 20, stock: -3 },    {}, 'firing/warning'],
    ['10 → 6 is 40 % but only 4 units',   { stock24hAgo: 10, stock: 6 },     {}, null],
    ['20 → 13 is 35 % and 7 units',       { stock24hAgo: 20, stock: 13 },    {}, 'firing/warning'],
    ['restocked',                         { stock24hAgo: 50, stock: 150 },   {}, null],
    ['no stock a day ago',                { stock24hAgo: 0, stock: 0 },      {}, null],
    ['unknown a day ago',                 { stock24hAgo: null, stock: 1 },   {}, null],
    ['company share 50 %',                { stock24hAgo: 100, stock: 60 },   { rapidDepletionShare: 0.5 }, null],
  ])('%s', (_name, patch, settings, expected) => {
    expect(verdict(signalsOf('RAPID_DEPLETION', { skus: [sku(patch)] }, settings))).toBe(expected);
  });

  it('says how much went', () => {
    const [s] = signalsOf('RAPID_DEPLETION', { skus: [sku({ stock24hAgo: 120, stock: 40 })] });
    expect(s).toMatchObject({ summary: 'TEE-RED-M: 80 of 120 units (67%) gone in 24 h', threshold: 0.3 });
    expect(s?.value).toBeCloseTo(2 / 3);
  });

  it('OVERSTOCK says how many days', () => {
    const [s] = signalsOf('OVERSTOCK', { skus: [sku({ stock: 1000, onOrder: 200, coverDays: 240 })] });
    expect(s?.summary).toBe('TEE-RED-M: 1200 units cover 240 days (max 180)');
  });
});
