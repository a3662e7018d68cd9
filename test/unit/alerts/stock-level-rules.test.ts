import { describe, expect, it } from 'vitest';
import {
  type AlertRule,
  type AlertSettings,
  resolveAlertSettings,
  type SkuObservation,
} from '../../../src/core/alerts/index.js';
import { signalsOf, sku, verdict } from './helpers.js';

type Row = [string, Partial<SkuObservation>, Partial<AlertSettings>, string | null];

describe('CRITICAL_LOW_STOCK: runway under 3 days (clears at 4) or stock under a floor', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<Row>([
    ['runway 2 days',                     { runwayDays: 2 },                   {},                 'firing/critical'],
    ['runway 0 days',                     { runwayDays: 0, stock: 1 },         {},                 'firing/critical'],
    ['edge: runway exactly 3 is holding', { runwayDays: 3 },                   {},                 'holding/critical'],
    ['runway 3.9 still holding',          { runwayDays: 3.9 },                 {},                 'holding/critical'],
    ['runway 4 cleared by the margin',    { runwayDays: 4 },                   {},                 null],
    ['healthy',                           {},                                  {},                 null],
    ['no forecast, no floor',             { runwayDays: null, stock: 1 },      {},                 null],
    ['own floor 10, stock 9',             { stock: 9, stockFloor: 10 },        {},                 'firing/critical'],
    ['edge: own floor 10, stock 10',      { stock: 10, stockFloor: 10 },       {},                 'holding/critical'],
    ['own floor 10, stock 11 cleared',    { stock: 11, stockFloor: 10 },       {},                 null],
    ['company floor 5, stock 4',          { stock: 4 },                        { stockFloor: 5 },  'firing/critical'],
    ['wider runway threshold',            { runwayDays: 4 },                   { criticalRunwayDays: 5 }, 'firing/critical'],
  ])('%s', (_name, patch, settings, expected) => {
    expect(verdict(signalsOf('CRITICAL_LOW_STOCK', { skus: [sku(patch)] }, settings))).toBe(expected);
  });
});

describe('LOW_STOCK: stock + on order below the reorder point (clears 10 % above it)', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<Row>([
    ['49 below 50',                       { stock: 49 },                       {},                 'firing/warning'],
    ['edge: exactly the reorder point',   { stock: 50 },                       {},                 'holding/warning'],
    ['54 inside the margin',              { stock: 54 },                       {},                 'holding/warning'],
    ['55 cleared (50 × 1.1)',             { stock: 55 },                       {},                 null],
    ['on order counts',                   { stock: 30, onOrder: 30 },          {},                 null],
    ['no reorder point',                  { stock: 1, reorderPoint: null },    {},                 null],
    ['zero reorder point',                { stock: 0, reorderPoint: 0 },       {},                 null],
    ['no margin clears at the point',     { stock: 50 },                       { lowStockClearRatio: 0 }, null],
  ])('%s', (_name, patch, settings, expected) => {
    expect(verdict(signalsOf('LOW_STOCK', { skus: [sku(patch)] }, settings))).toBe(expected);
  });
});

describe('OUT_OF_STOCK: no sellable stock while there is demand', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<Row>([
    ['zero stock, demand 5/day',          { stock: 0, outOfStock: true },                    {}, 'firing/critical'],
    ['negative stock counts as none',     { stock: -2, outOfStock: false },                  {}, 'firing/critical'],
    ['flag set while units are reserved', { stock: 3, outOfStock: true },                    {}, 'firing/critical'],
    ['zero stock, zero demand',           { stock: 0, outOfStock: true, dailyDemand: 0 },    {}, null],
    ['zero stock, no forecast',           { stock: 0, outOfStock: true, dailyDemand: null }, {}, null],
    ['edge: one unit left',               { stock: 1 },                                      {}, null],
  ])('%s', (_name, patch, settings, expected) => {
    expect(verdict(signalsOf('OUT_OF_STOCK', { skus: [sku(patch)] }, settings))).toBe(expected);
  });
});

describe('stock rule summaries carry the numbers', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[AlertRule, Partial<SkuObservation>, string]>([
    ['CRITICAL_LOW_STOCK', { stock: 9, runwayDays: 1.5 },            'TEE-RED-M: 9 units last 1.5 days (critical below 3)'],
    ['CRITICAL_LOW_STOCK', { stock: 2, stockFloor: 5 },              'TEE-RED-M: 2 units, under the floor of 5'],
    ['CRITICAL_LOW_STOCK', { stock: 2, stockFloor: 5, runwayDays: 3.5 }, 'TEE-RED-M: 2 units, under the floor of 5'],
    ['LOW_STOCK',          { stock: 30, onOrder: 10 },               'TEE-RED-M: 40 units in stock and on order, below the reorder point 50'],
    ['OUT_OF_STOCK',       { stock: 0, dailyDemand: 4.25 },          'TEE-RED-M: out of stock, demand 4.3 units/day'],
  ])('%s %j', (rule, patch, summary) => {
    expect(signalsOf(rule, { skus: [sku(patch)] })[0]?.summary).toBe(summary);
  });

  it('reports value and threshold of what fired', () => {
    const [s] = signalsOf('CRITICAL_LOW_STOCK', { skus: [sku({ runwayDays: 2 })] });
    expect(s).toMatchObject({ value: 2, threshold: 3, productId: 1, sku: 'TEE-RED-M' });
  });
});

describe('settings are checked once', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[Partial<AlertSettings>, string]>([
    [{ criticalRunwayClearDays: -1 },    'criticalRunwayClearDays must be 0 or more: -1'],
    [{ lowStockClearRatio: Number.NaN }, 'lowStockClearRatio must be 0 or more: NaN'],
    [{ repeatIntervalHours: 0 },         'repeatIntervalHours must be positive: 0'],
    [{ demandOutlierDays: 0 },           'demand days must be 1 or more'],
  ])('%j', (overrides, message) => {
    expect(() => resolveAlertSettings(overrides)).toThrow(message);
  });

  it('defaults as documented', () => {
    expect(resolveAlertSettings()).toMatchObject({
      criticalRunwayDays: 3,
      overstockDays: 180,
      rapidDepletionShare: 0.3,
      demandOutlierDays: 3,
      repeatIntervalHours: 24,
    });
  });
});
