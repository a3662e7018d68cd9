import { describe, expect, it } from 'vitest';
import { type ExplainFacts, explain, formatRate } from '../../../src/core/procurement/explain.js';

// The example: 4.1/day, lead 21, review 7, cover 30, stock 80, on order 40, 12 per case.
const base: ExplainFacts = {
  dailyDemand: 4.1,
  leadTimeDays: 21,
  reviewPeriodDays: 7,
  coverageDays: 30,
  cycleDemand: 238,
  safetyStock: 35,
  available: 80,
  onOrder: 40,
  netRequirement: 153,
  packSize: 12,
  moq: 1,
  recommendedQuantity: 156,
};
const demand = '4.1/day × (21 lead + 7 review + 30 cover) = 238';

describe('explain: one line a person can check in their head', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10); the expected lines are long by nature
  it.each<[string, Partial<ExplainFacts>, string]>([
    ['the issue example', {}, '+ safety 35 − stock 80 − on order 40 = 153 → 12 per case → 156'],
    ['no rounding', { packSize: 1, recommendedQuantity: 153 }, '+ safety 35 − stock 80 − on order 40 = 153'],
    ['MOQ binds', { packSize: 1, moq: 200, recommendedQuantity: 200 }, '+ safety 35 − stock 80 − on order 40 = 153 → MOQ 200 → 200'],
    ['MOQ, then cases', { moq: 200, recommendedQuantity: 204 }, '+ safety 35 − stock 80 − on order 40 = 153 → MOQ 200 → 12 per case → 204'],
    ['covered', { available: 300, netRequirement: -27, recommendedQuantity: 0 }, '+ safety 35 − stock 300 − on order 40 = −27 → no order'],
    ['negative stock', { available: -5, onOrder: 0, netRequirement: 278, recommendedQuantity: 288 }, '+ safety 35 − stock −5 − on order 0 = 278 → 12 per case → 288'],
    ['held', { hold: { position: 120, reorderPoint: 110 } }, '+ safety 35 − stock 80 − on order 40 = 153 → no order yet: stock + on order 120 ≥ reorder point 110'],
  ])('%s', (_name, patch, rest) => {
    expect(explain({ ...base, ...patch })).toBe(`${demand} ${rest}`);
  });

  it.each([
    [4.1, '4.1'],
    [4.14, '4.1'],
    [12, '12'],
    [0.354, '0.35'],
    [0, '0'],
  ])('formatRate(%d) = %s', (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });
});
