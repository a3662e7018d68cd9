import { describe, expect, it } from 'vitest';
import {
  formatMoscowTime,
  isZeroDate,
  moscowDay,
  moscowToIso,
  parseMoscowTime,
  utcDay,
} from '../../../src/core/marketplace/moscow-time.js';

describe('Moscow time (WB statistics)', () => {
  it.each([
    ['2026-09-28T14:03:11', '2026-09-28T11:03:11.000Z'],
    ['2026-09-28T19:02:55.113', '2026-09-28T16:02:55.113Z'],
    ['2026-09-28T00:30:00', '2026-09-27T21:30:00.000Z'],
    ['2026-09-28', '2026-09-27T21:00:00.000Z'],
  ])('%s is %s', (moscow, iso) => expect(moscowToIso(moscow)).toBe(iso));

  it.each([['yesterday'], ['2026-09-28T14:03:11Z'], ['']])('rejects %j', (value) =>
    expect(parseMoscowTime(value)).toBeNull(),
  );

  it('keeps the Moscow day even when the UTC day differs', () => {
    expect(moscowDay('2026-09-28T00:30:00')).toBe('2026-09-28');
    expect(utcDay(moscowToIso('2026-09-28T00:30:00') ?? '')).toBe('2026-09-27');
  });

  it('formats back without an offset', () => {
    expect(formatMoscowTime(Date.parse('2026-09-27T21:00:00Z'))).toBe('2026-09-28T00:00:00');
  });

  it.each([
    ['0001-01-01T00:00:00', true],
    ['2026-09-28T19:02:55', false],
  ])('zero date %s → %s', (value, zero) => expect(isZeroDate(value)).toBe(zero));
});
