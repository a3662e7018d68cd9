import { describe, expect, it } from 'vitest';
import { type ProcurementSettings, recommend, resolveSettings } from '../../../src/core/procurement/index.js';
import { buildInput, fc } from './helpers/build-input.js';

const days = (n: number, value: number) => Array<number>(n).fill(value);
/** 2 a day and a wholesale order of 200 every fourth week. */
const lumpy = Array.from({ length: 365 }, (_, i) => (i % 28 === 27 ? 200 : 2));
const off: Partial<ProcurementSettings> = { riskHistoryDays: 0, recentLevelDays: 0 };

// Forecast 2/day (Poisson spread), lead time 14 + review 1: risk period 15 days, mean 30.
describe('recommend with sales history: the SKU’s own lumps and recent rate', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    // name,                                       sales history,              settings, lead-time demand, safety, reorder point
    ['no history: the forecast alone', undefined, {}, 30, 10, 40],
    ['history like the forecast: no change', days(365, 2), {}, 30, 10, 40],
    ['lumps: their 15-day totals set the level', lumpy, {}, 90, 138, 228],
    ['sales climbed to 4/day: forecast lifted ×2', [...days(337, 2), ...days(28, 4)], {}, 60, 20, 80],
    ['both switched off: the forecast alone', lumpy, off, 30, 10, 40],
  ])('%s', (_name, salesHistory, settings, leadTimeDemand, safety, reorderPoint) => {
    const r = recommend(
      buildInput({ forecast: fc(2), stock: [], ...(salesHistory ? { salesHistory } : {}) }),
      resolveSettings(settings),
    );
    expect([r.leadTimeDemand, r.safetyStock, r.reorderPoint]).toEqual([leadTimeDemand, safety, reorderPoint]);
  });
});
