import { describe, expect, it } from 'vitest';
import {
  type PolicyOutcome,
  type PolicySummary,
  type SkuReplay,
  summarizeReplays,
} from '../../../../src/core/procurement/index.js';

const outcome = (demanded: number, served: number, averageStock: number, days = 10): PolicyOutcome => ({
  demanded,
  served,
  fillRate: demanded > 0 ? served / demanded : 1,
  stockOutDays: demanded - served > 0 ? 1 : 0,
  averageStock,
  meanDailyDemand: demanded / days,
  averageStockDays: demanded > 0 ? averageStock / (demanded / days) : null,
  orders: 2,
  orderedUnits: demanded,
});
const sku = (ours: PolicyOutcome, burnRate: PolicyOutcome): SkuReplay => ({
  sku: 'x',
  days: 10,
  initialStock: 0,
  ours,
  burnRate,
});

describe('summarizeReplays pools SKUs', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    // name,                        ours outcomes,                                     fill, stock days (pooled), median days, stock-out days
    ['one SKU', [outcome(100, 95, 50)], 0.95, 5, 5, 1],
    ['pooled by volume', [outcome(100, 100, 50), outcome(10, 0, 0)], 100 / 110, 50 / 11, 2.5, 1],
    ['a dead SKU cannot move the median', [outcome(100, 100, 50), outcome(100, 100, 30), outcome(1, 1, 500)], 1, 580 / 20.1, 5, 0],
    ['no demand at all', [outcome(0, 0, 40)], 1, 0, 0, 0],
  ])('%s', (_name, outcomes, fill, stockDays, medianDays, stockOutDays) => {
    const s = summarizeReplays(outcomes.map((o) => sku(o, o))).ours as PolicySummary;
    expect(s.fillRate).toBeCloseTo(fill, 10);
    expect(s.averageStockDays).toBeCloseTo(stockDays, 10);
    expect(s.medianSkuStockDays).toBeCloseTo(medianDays, 10);
    expect([s.stockOutDays, s.orders, s.skus]).toEqual([stockOutDays, 2 * outcomes.length, outcomes.length]);
  });

  it('leaves out a policy no SKU replayed', () => {
    const s = summarizeReplays([{ sku: 'x', days: 10, initialStock: 0, burnRate: outcome(10, 9, 5) }]);
    expect([s.ours, s.burnRate?.fillRate]).toEqual([undefined, 0.9]);
  });
});
