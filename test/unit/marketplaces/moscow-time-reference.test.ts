import { describe, expect, it } from 'vitest';
import {
  formatMoscowTime,
  isoOrNull,
  moscowDay,
  moscowToIso,
  parseIso,
  parseMoscowTime,
  toIsoString,
  utcDay,
} from '../../../src/core/marketplace/moscow-time.js';

// The Date-based implementations the string fast paths replaced: every case must agree.
const OFFSET = 3 * 60 * 60 * 1000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const reference = {
  parseMoscowTime(value: string): number | null {
    const m = PATTERN.exec(value);
    if (!m) return null;
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
    const ms = Number(`${frac}000`.slice(0, 3));
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    return Number.isNaN(utc) ? null : utc - OFFSET;
  },
  moscowToIso(value: string): string | null {
    const t = reference.parseMoscowTime(value);
    return t === null ? null : new Date(t).toISOString();
  },
  moscowDay(value: string): string | null {
    return reference.parseMoscowTime(value) === null ? null : value.slice(0, 10);
  },
  formatMoscowTime(epochMs: number): string {
    return new Date(epochMs + OFFSET).toISOString().slice(0, 19);
  },
  utcDay(iso: string): string | null {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
  },
  isoOrNull(value: string | null | undefined): string | null {
    if (!value) return null;
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  },
};

const outcome = (f: () => unknown) => {
  try {
    return { value: f() };
  } catch (error) {
    return { threw: (error as Error).name };
  }
};

const moscowCases = [
  '2026-09-28T14:03:11',
  '2026-09-28 14:03:11',
  '2026-09-28T03:00:00',
  '2026-09-28T02:59:59',
  '2026-09-28T00:00:00',
  '2026-10-01T00:30:00', // first of the month before 03:00: the UTC day is in the month before
  '2026-01-01T01:00:00', // … and in the year before
  '2026-03-01T02:00:00', // after 28 February
  '2024-03-01T02:00:00', // after 29 February (leap year)
  '2000-03-01T00:00:00',
  '1900-03-01T00:00:00',
  '2024-02-29T12:00:00',
  '2026-02-29T12:00:00', // no such day: Date.UTC rolls it over
  '2026-04-31T12:00:00',
  '2026-13-01T12:00:00',
  '2026-00-10T12:00:00',
  '2026-09-00T12:00:00',
  '2026-09-28T24:00:00',
  '2026-09-28T23:60:00',
  '2026-09-28T23:59:60',
  '2026-09-28T19:02:55.1',
  '2026-09-28T19:02:55.11',
  '2026-09-28T19:02:55.113',
  '2026-09-28T19:02:55.1139',
  '2026-09-28T19:02:55.113999999',
  '2026-09-28T19:02:55.1139999999',
  '2026-09-28T19:02:55.',
  '2026-09-28T19:02:55.11a',
  '2026-09-28T19:02',
  '2026-09-28T19',
  '2026-09-28',
  '2026-9-28T19:02:55',
  '2026-09-28T19:02:55Z',
  '2026-09-28t19:02:55',
  '0001-01-01T00:00:00',
  '0099-06-01T12:00:00',
  '0999-12-31T23:59:59',
  '1000-01-01T02:00:00',
  '9999-12-31T23:59:59.999',
  '1970-01-01T00:00:00',
  '1969-12-31T23:59:59',
  '२०२६-09-28T14:03:11',
  'yesterday',
  '',
];

const isoCases = [
  '2026-09-28T11:03:11.000Z',
  '2026-09-28T11:03:11Z',
  '2026-09-28T11:03:11.1Z',
  '2026-09-28T11:03:11.123456Z',
  '2026-09-28T11:03:11.000+03:00',
  '2026-09-28T01:03:11+03:00',
  '2026-09-28T23:30:00-05:00',
  '2026-09-28',
  '2026-02-29T00:00:00.000Z',
  '2024-02-29T00:00:00.000Z',
  '2026-04-31T00:00:00.000Z',
  '2026-12-31T23:59:59.999Z',
  '2026-09-28T24:00:00.000Z',
  '2026-09-28T23:60:00.000Z',
  '2026-09-28T23:59:60.000Z',
  '2026-13-28T00:00:00.000Z',
  '0999-09-28T00:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '+012026-09-28T00:00:00.000Z',
  '2026-09-28T11:03:11.000z',
  '2026-09-28 11:03:11.000Z',
  'Mon, 28 Sep 2026 11:03:11 GMT',
  'not a date',
  '',
];

describe('Moscow time fast paths agree with the Date-based originals', () => {
  it.each(moscowCases)('%j', (value) => {
    expect(outcome(() => parseMoscowTime(value))).toEqual(outcome(() => reference.parseMoscowTime(value)));
    expect(outcome(() => moscowToIso(value))).toEqual(outcome(() => reference.moscowToIso(value)));
    expect(outcome(() => moscowDay(value))).toEqual(outcome(() => reference.moscowDay(value)));
  });

  it.each(isoCases)('ISO %j', (value) => {
    expect(outcome(() => utcDay(value))).toEqual(outcome(() => reference.utcDay(value)));
    expect(outcome(() => isoOrNull(value))).toEqual(outcome(() => reference.isoOrNull(value)));
  });

  it.each(isoCases)('parseIso(%j) is Date.parse', (value) => {
    expect(Object.is(parseIso(value), Date.parse(value))).toBe(true);
  });

  it.each([
    0,
    -1,
    1,
    999,
    -86_400_000,
    -86_400_001,
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    Date.UTC(2026, 11, 31, 23, 59, 59, 999),
    Date.UTC(2027, 0, 1),
    Date.UTC(1969, 11, 31, 23, 59, 59, 1),
    Date.UTC(999, 0, 1, 12),
    Date.UTC(0, 0, 1),
    Date.UTC(-1, 11, 31, 23, 59, 59, 999),
    Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    Date.UTC(10000, 0, 1),
    8.64e15,
    -8.64e15,
    Number.NaN,
  ])('toIsoString(new Date(%d)) is toISOString', (t) => {
    // Twice: the second call comes from the day-prefix cache.
    for (let i = 0; i < 2; i += 1)
      expect(outcome(() => toIsoString(new Date(t)))).toEqual(outcome(() => new Date(t).toISOString()));
  });

  it('toIsoString agrees over years of odd instants, and past a cache reset', () => {
    for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2029, 0, 1); t += 1_800_000 + 7_777) {
      expect(toIsoString(new Date(t))).toBe(new Date(t).toISOString());
    }
  });

  it.each([null, undefined])('isoOrNull(%j) is null', (value) => expect(isoOrNull(value)).toBeNull());

  it('agrees every two hours over four years around leap days and month ends', () => {
    const from = Date.UTC(2023, 0, 1);
    for (let t = from; t < Date.UTC(2027, 0, 1); t += 7_200_000 + 1_013) {
      const moscow = reference.formatMoscowTime(t);
      const withMs = `${moscow}.${String(t % 1000).padStart(3, '0')}`;
      expect(formatMoscowTime(t)).toBe(moscow);
      expect(parseMoscowTime(moscow)).toBe(reference.parseMoscowTime(moscow));
      expect(moscowToIso(withMs)).toBe(reference.moscowToIso(withMs));
      const iso = new Date(t).toISOString();
      expect(utcDay(iso)).toBe(reference.utcDay(iso));
      expect(isoOrNull(iso)).toBe(iso);
    }
  });

  it.each([
    0,
    -1,
    1.5,
    -1.5,
    -OFFSET,
    Date.UTC(2026, 8, 27, 21, 0, 0),
    Date.UTC(2026, 8, 27, 20, 59, 59, 999),
    Date.UTC(2024, 1, 29, 21, 0, 0),
    Date.UTC(1969, 11, 31, 20, 59, 59),
    Date.UTC(-1, 0, 1),
    Date.UTC(10000, 0, 1),
    8.64e15 - OFFSET,
    8.64e15,
    -8.64e15,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])('formatMoscowTime(%d)', (t) => {
    // Twice: the second call may come from the last-day memo.
    expect(outcome(() => formatMoscowTime(t))).toEqual(outcome(() => reference.formatMoscowTime(t)));
    expect(outcome(() => formatMoscowTime(t))).toEqual(outcome(() => reference.formatMoscowTime(t)));
  });
});
