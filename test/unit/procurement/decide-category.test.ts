import { describe, expect, it } from 'vitest';
import { type CategoryFacts, decideCategory } from '../../../src/core/procurement/decide-category.js';

/** Facts from a compact code: F = has forecast, W = would order without POs, R = below reorder
 * point, B = order-by reached, A = needs attention; then units on order and quantity. */
const f = (flags: string, onOrder: number, recommendedQuantity: number): CategoryFacts => ({
  hasForecast: flags.includes('F'),
  wouldOrderWithoutPOs: flags.includes('W'),
  belowReorderPoint: flags.includes('R'),
  orderByReached: flags.includes('B'),
  needsAttention: flags.includes('A'),
  onOrder,
  recommendedQuantity,
});

describe('decideCategory: ORDER_TODAY > ATTENTION_REQUIRED > ALREADY_ORDERED > NORMAL', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    ['below reorder point', f('FWR', 0, 50), 'ORDER_TODAY', ['BELOW_REORDER_POINT']],
    ['order-by date reached', f('FWB', 0, 50), 'ORDER_TODAY', ['ORDER_BY_DATE_REACHED']],
    ['both', f('FWRB', 0, 50), 'ORDER_TODAY', ['BELOW_REORDER_POINT', 'ORDER_BY_DATE_REACHED']],
    ['order wins over attention', f('FWRA', 0, 50), 'ORDER_TODAY', ['BELOW_REORDER_POINT']],
    ['open POs cover it', f('FW', 40, 0), 'ALREADY_ORDERED', ['COVERED_BY_OPEN_PO']],
    ['POs cover it but land late', f('FWB', 40, 0), 'ALREADY_ORDERED', ['ORDER_BY_DATE_REACHED', 'COVERED_BY_OPEN_PO']],
    ['attention wins over ordered', f('FWA', 40, 0), 'ATTENTION_REQUIRED', ['COVERED_BY_OPEN_PO']],
    ['attention alone', f('FA', 0, 0), 'ATTENTION_REQUIRED', []],
    ['no forecast', f('A', 0, 0), 'ATTENTION_REQUIRED', ['NO_FORECAST']],
    ['nothing to do', f('F', 0, 0), 'NORMAL', []],
    ['POs but no need', f('F', 40, 0), 'NORMAL', []],
  ])('%s → %s', (_name, facts, category, reasons) => {
    expect(decideCategory(facts)).toEqual({ category, reasons });
  });
});
