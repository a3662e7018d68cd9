import { describe, expect, it } from 'vitest';
import { type ProcurementInput, recommend, resolveSettings } from '../../../src/core/procurement/index.js';
import { buildInput, fc, po, stockOf, wh } from './helpers/build-input.js';

const onOrder = (quantity: number, expectedDate = '2026-03-10') => [po('PO-1', quantity, expectedDate)];

// 2/day, lead 14, review 1, cover 30: cycle demand 90, safety 10, reorder point 40.
describe('recommend: netting and rounding', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, Partial<ProcurementInput>, number, number]>([
    ['stock only', { stock: stockOf(30) }, 70, 70],
    ['reserved units are not stock', { stock: [wh('wb', 40, 10)] }, 70, 70],
    ['in transit nets', { stock: [wh('wb', 20, 0, 10)] }, 70, 70],
    ['inbound supplies net', { stock: stockOf(20), inboundSupplies: [{ id: 'S-1', quantity: 10 }] }, 70, 70],
    ['open POs net', { stock: stockOf(10), openPurchaseOrders: onOrder(20) }, 70, 70],
    ['all of them', { stock: [wh('wb', 12, 2, 3), wh('own', 5)], inboundSupplies: [{ id: 'S-1', quantity: 2 }], openPurchaseOrders: onOrder(10) }, 70, 70],
    ['negative stock adds to the need', { stock: stockOf(-5) }, 105, 105],
    ['pack size rounds up', { stock: stockOf(30), packSize: 12 }, 70, 72],
    ['MOQ lifts it', { stock: stockOf(30), moq: 100 }, 70, 100],
    ['MOQ in whole cases', { stock: stockOf(30), moq: 100, packSize: 12 }, 70, 108],
    ['per-SKU coverage days', { stock: stockOf(30), coverageDays: 10 }, 30, 30],
  ])('%s: net %i → order %i', (_name, patch, net, quantity) => {
    const r = recommend(buildInput(patch));
    expect([r.netRequirement, r.recommendedQuantity]).toEqual([net, quantity]);
  });
});

describe('recommend: safety stock and reorder point', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    ['Poisson spread at 95%', fc(2), 0.95, 10, 40],
    ['wider quantiles, more safety', fc(2, { quantiles: { p10: 0, p90: 6 } }), 0.95, 17, 47],
    ['higher service, more safety', fc(2), 0.99, 15, 45],
    ['no demand, no safety', fc(0), 0.95, 0, 0],
  ])('%s: safety %#', (_name, forecast, service, safety, reorderPoint) => {
    const r = recommend(buildInput({ forecast }), resolveSettings({ serviceLevel: { default: service } }));
    expect([r.safetyStock, r.reorderPoint]).toEqual([safety, reorderPoint]);
  });

  it('uses the ABC class service level', () => {
    const settings = resolveSettings({ serviceLevel: { default: 0.95, A: 0.99 } });
    expect(recommend(buildInput({ abcClass: 'A' }), settings).serviceLevel).toBe(0.99);
    expect(recommend(buildInput({ abcClass: 'C' }), settings).serviceLevel).toBe(0.95);
  });
});

describe('recommend: explanation', () => {
  const settings = resolveSettings({ reviewPeriodDays: 7 });
  const example = {
    stock: stockOf(80),
    packSize: 12,
    leadTime: { defaultDays: 21 },
    forecast: fc(4.1),
    openPurchaseOrders: onOrder(40, '2026-03-06'),
  };
  // biome-ignore format: one row per case (STYLE.md rule 10); the expected lines are long by nature
  it.each<[string, Partial<ProcurementInput>, string]>([
    ['order in cases', example, '4.1/day × (21 lead + 7 review + 30 cover) = 238 + safety 19 − stock 80 − on order 40 = 137 → 12 per case → 144'],
    ['covered', { stock: stockOf(300) }, '2/day × (14 lead + 7 review + 30 cover) = 102 + safety 12 − stock 300 − on order 0 = −186 → no order'],
    ['above the reorder point', { stock: stockOf(60), openPurchaseOrders: onOrder(40) }, '2/day × (14 lead + 7 review + 30 cover) = 102 + safety 12 − stock 60 − on order 40 = 14 → no order yet: stock + on order 100 ≥ reorder point 54'],
    ['no forecast', { forecast: null }, 'no forecast: stock 100, on order 0 — check the forecast before ordering'],
  ])('%s', (_name, patch, expected) => {
    expect(recommend(buildInput(patch), settings).explanation).toBe(expected);
  });
});
