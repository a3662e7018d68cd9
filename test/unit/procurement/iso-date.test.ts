import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, toDayNumber } from '../../../src/core/procurement/iso-date.js';

describe('iso dates', () => {
  it.each([
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-29', 14, '2026-04-12'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-03-01', '2026-03-15', 14],
    ['2026-03-15', '2026-03-01', -14],
    ['2026-12-31', '2027-01-01', 1],
  ])('daysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-3-1', '', '01.03.2026'])('rejects %j', (bad) => {
    expect(() => toDayNumber(bad)).toThrow(RangeError);
  });
});
