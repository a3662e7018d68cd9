import { describe, expect, it } from 'vitest';
import { type ProcurementInput, recommend } from '../../../src/core/procurement/index.js';
import { buildInput, fc, po, stockOf, wh } from './helpers/build-input.js';

const recent = (actual: number[], low: number, high: number) => ({
  actual,
  low: actual.map(() => low),
  high: actual.map(() => high),
});
const age = (stockAgeHours: number | null, salesAgeHours: number | null) => ({
  freshness: { stockAgeHours, salesAgeHours },
});
const late = { stock: stockOf(10), openPurchaseOrders: [po('PO-1', 100, '2026-03-11')] };
const plentyOnOrder = { stock: stockOf(200), openPurchaseOrders: [po('PO-1', 200, '2026-03-20')] };
const several = { stock: stockOf(-3), historyDays: 5, ...age(50, 2) };

describe('recommend: each attention reason', () => {
  it.each<[string, Partial<ProcurementInput>, string[]]>([
    ['healthy', {}, []],
    ['stock sync is old', age(37, 2), ['STALE_DATA']],
    ['sales sync is old', age(2, 49), ['STALE_DATA']],
    ['never synced', age(null, 2), ['STALE_DATA']],
    ['at the thresholds is fresh', age(36, 48), []],
    ['no forecast', { forecast: null }, ['MISSING_FORECAST']],
    ['empty forecast', { forecast: { mean: [], quantiles: {} } }, ['MISSING_FORECAST']],
    ['too little history', { historyDays: 20 }, ['SHORT_HISTORY']],
    ['unreliable forecast', { forecast: fc(2, { mase: 1.8 }) }, ['UNRELIABLE_FORECAST']],
    ['good backtest', { forecast: fc(2, { mase: 0.9 }) }, []],
    ['no backtest origins', { forecast: { ...fc(2), metrics: { mase: 9, origins: 0 } } }, []],
    ['negative stock', { stock: [...stockOf(100), wh('Ozon Tver', 2, 5)] }, ['NEGATIVE_STOCK']],
    ['out of stock with demand', { stock: stockOf(0) }, ['OUT_OF_STOCK_WITH_DEMAND']],
    ['out of stock, no demand', { stock: stockOf(0), forecast: fc(0) }, []],
    ['overdue purchase order', { openPurchaseOrders: [po('PO-7', 10, '2026-02-27')] }, ['OVERDUE_PO']],
    ['PO lands after the stock-out', late, ['PO_ARRIVES_AFTER_STOCKOUT']],
    ['demand spike', { recentDemand: recent([1, 12, 15, 11], 0, 6) }, ['DEMAND_SPIKE']],
    ['demand drop', { recentDemand: recent([5, 0, 0, 0], 1, 6) }, ['DEMAND_DROP']],
    ['two days out is not enough', { recentDemand: recent([1, 2, 15, 11], 0, 6) }, []],
    ['overstock', { stock: stockOf(1000) }, ['OVERSTOCK']],
    ['overstock counts open POs', plentyOnOrder, ['OVERSTOCK']],
    ['stock with no demand is overstock', { forecast: fc(0) }, ['OVERSTOCK']],
    ['several', several, ['STALE_DATA', 'SHORT_HISTORY', 'NEGATIVE_STOCK', 'OUT_OF_STOCK_WITH_DEMAND']],
  ])('%s', (_name, patch, codes) => {
    expect(recommend(buildInput(patch)).attentionReasons.map((a) => a.code)).toEqual(codes);
  });

  it.each<[Partial<ProcurementInput>, string]>([
    [age(50, 2), 'stock is 50 h old (max 36 h)'],
    [age(2, null), 'sales never synced'],
    [{ historyDays: 20 }, '20 days of history (need 28)'],
    [{ forecast: fc(2, { mase: 1.8 }) }, 'backtest MASE 1.80 (max 1.5)'],
    [{ openPurchaseOrders: [po('PO-7', 10, '2026-02-27')] }, 'PO-7 was due 2026-02-27'],
    [late, 'stock runs out 2026-03-06; PO-1 expected 2026-03-11'],
    [{ stock: stockOf(1000) }, 'stock covers 500 days (max 180)'],
  ])('detail for %j', (patch, detail) => {
    expect(recommend(buildInput(patch)).attentionReasons[0]?.detail).toBe(detail);
  });
});
