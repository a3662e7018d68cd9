import { describe, expect, it } from 'vitest';
import { createOursPolicy, type Forecaster, simulate } from '../../../../src/core/procurement/index.js';

/** 2/day with no spread; counts its calls. */
function countingForecaster(): { forecaster: Forecaster; calls: () => number } {
  let calls = 0;
  return {
    forecaster: (_history, _firstDate, horizon) => {
      calls += 1;
      return { mean: Array<number>(horizon).fill(2), quantiles: {} };
    },
    calls: () => calls,
  };
}

const options = (forecaster: Forecaster, reforecastEveryDays = 1) => ({
  forecaster,
  firstDate: '2026-01-01',
  leadTimeDays: 14,
  reviewPeriodDays: 1,
  coverageDays: 30,
  serviceLevel: 0.95,
  reforecastEveryDays,
  packSize: 1,
  moq: 1,
});

describe('ours policy: the engine decides', () => {
  it.each([
    // name,                        onHand, pipeline,                              expected
    ['below reorder point (40)', 35, [], 65],
    ['above it', 60, [], 0],
    ['open order covers it', 35, [{ quantity: 60, arrivalDay: 70 }], 0],
  ])('%s', (_name, onHand, pipeline, expected) => {
    const policy = createOursPolicy(options(countingForecaster().forecaster));
    expect(
      policy({ day: 60, date: '2026-03-02', history: Array<number>(60).fill(2), onHand, pipeline }),
    ).toBe(expected);
  });

  it.each([
    // re-forecast every, review period, forecaster calls over 28 days
    [1, 1, 28],
    [7, 1, 4],
    [7, 7, 4],
    [1, 7, 4],
  ])('re-forecast every %i days, review every %i → %i forecasts', (every, review, calls) => {
    const counter = countingForecaster();
    simulate({
      series: { sku: 'x', firstDate: '2026-01-01', demand: Array<number>(88).fill(2) },
      start: 60,
      initialStock: 60,
      leadTimeDays: 14,
      reviewPeriodDays: review,
      policy: createOursPolicy({ ...options(counter.forecaster, every), reviewPeriodDays: review }),
    });
    expect(counter.calls()).toBe(calls);
  });
});
