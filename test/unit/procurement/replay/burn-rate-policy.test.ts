import { describe, expect, it } from 'vitest';
import { createBurnRatePolicy } from '../../../../src/core/procurement/index.js';

const days = (n: number, value: number) => Array<number>(n).fill(value);
const pipeline = (quantity: number) => [{ quantity, arrivalDay: 99 }];

describe('burn-rate policy: order burn × (lead + 30) when stock ÷ burn ≤ lead', () => {
  it.each([
    // name,                              history,                         onHand, pipeline,     pack, expected
    ['at the lead time: order', days(30, 2), 28, [], 1, 88],
    ['one day above: wait', days(30, 2), 30, [], 1, 0],
    ['open orders count as stock', days(30, 2), 20, pipeline(10), 1, 0],
    ['not net of stock', days(30, 2), 0, [], 1, 88],
    ['only the last 30 days', [...days(30, 10), ...days(30, 2)], 28, [], 1, 88],
    ['short history: what there is', [4, 4], 10, [], 1, 176],
    ['no history', [], 0, [], 1, 0],
    ['no sales', days(30, 0), 0, [], 1, 0],
    ['whole cases', days(30, 2), 28, [], 12, 96],
  ])('%s', (_name, history, onHand, open, packSize, expected) => {
    const policy = createBurnRatePolicy({ leadTimeDays: 14, packSize, moq: 1 });
    expect(policy({ day: history.length, date: '2026-03-01', history, onHand, pipeline: open })).toBe(
      expected,
    );
  });
});
