import { describe, expect, it } from 'vitest';
import { type ProcurementInput, recommend } from '../../../src/core/procurement/index.js';
import { buildInput, po, stockOf } from './helpers/build-input.js';

const withPO = (stock: number, quantity: number, expectedDate: string): Partial<ProcurementInput> => ({
  stock: stockOf(stock),
  openPurchaseOrders: [po('PO-1', quantity, expectedDate)],
});
const stale = { freshness: { stockAgeHours: 80, salesAgeHours: 2 } };

// 2/day, lead 14, review 1, cover 30, 95%: reorder point 30 + safety 10 = 40.
describe('recommend: category, reasons, attention and quantity', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, Partial<ProcurementInput>, string, string[], string[], number]>([
    ['plenty of stock', {}, 'NORMAL', [], [], 0],
    ['below reorder point', { stock: stockOf(35) }, 'ORDER_TODAY', ['BELOW_REORDER_POINT'], [], 65],
    ['open PO covers it', withPO(35, 60, '2026-03-06'), 'ALREADY_ORDERED', ['COVERED_BY_OPEN_PO'], [], 0],
    ['open PO too small', withPO(10, 20, '2026-03-06'), 'ORDER_TODAY', ['BELOW_REORDER_POINT'], [], 70],
    ['stale data', stale, 'ATTENTION_REQUIRED', [], ['STALE_DATA'], 0],
    ['order and attention', { stock: stockOf(0) }, 'ORDER_TODAY', ['BELOW_REORDER_POINT', 'ORDER_BY_DATE_REACHED'], ['OUT_OF_STOCK_WITH_DEMAND'], 100],
    ['covered, PO overdue', withPO(35, 60, '2026-02-25'), 'ATTENTION_REQUIRED', ['COVERED_BY_OPEN_PO'], ['OVERDUE_PO'], 0],
    ['PO lands after stock-out', withPO(10, 100, '2026-03-11'), 'ATTENTION_REQUIRED', ['ORDER_BY_DATE_REACHED', 'COVERED_BY_OPEN_PO'], ['PO_ARRIVES_AFTER_STOCKOUT'], 0],
    ['no forecast', { forecast: null }, 'ATTENTION_REQUIRED', ['NO_FORECAST'], ['MISSING_FORECAST'], 0],
  ])('%s → %s', (_name, patch, category, reasons, attention, qty) => {
    const r = recommend(buildInput(patch));
    const codes = r.attentionReasons.map((a) => a.code);
    expect([r.category, r.reasons, codes, r.recommendedQuantity]).toEqual([category, reasons, attention, qty]);
    expect(r.needsAttention).toBe(attention.length > 0);
  });
});
