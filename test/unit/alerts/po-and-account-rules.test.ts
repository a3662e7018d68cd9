import { describe, expect, it } from 'vitest';
import type { AccountObservation, AlertSettings, SkuObservation } from '../../../src/core/alerts/index.js';
import { account, ctx, signalsOf, sku, T0, verdict } from './helpers.js';

const pos = (...expected: string[]): Partial<SkuObservation> => ({
  openPurchaseOrders: expected.map((expectedDate, i) => ({ id: `PO-${i + 1}`, expectedDate })),
});

describe('PO_OVERDUE: an open PO past its expected date (today 2026-03-01; critical at 7 days)', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, Partial<SkuObservation>, Partial<AlertSettings>, string | null]>([
    ['due yesterday',                     pos('2026-02-28'),               {}, 'firing/warning'],
    ['edge: due today',                   pos('2026-03-01'),               {}, null],
    ['due next week',                     pos('2026-03-08'),               {}, null],
    ['7 days late is critical',           pos('2026-02-22'),               {}, 'firing/critical'],
    ['worst of several decides',          pos('2026-03-05', '2026-02-20'), {}, 'firing/critical'],
    ['inside a 2-day grace',              pos('2026-02-27'),               { poOverdueGraceDays: 2 }, null],
    ['past a 2-day grace',                pos('2026-02-26'),               { poOverdueGraceDays: 2 }, 'firing/warning'],
    ['no open orders',                    {},                              {}, null],
  ])('%s', (_name, patch, settings, expected) => {
    expect(verdict(signalsOf('PO_OVERDUE', { skus: [sku(patch)] }, settings))).toBe(expected);
  });

  it('uses the company date when given, not the UTC one', () => {
    const late = { skus: [sku(pos('2026-03-01'))] };
    expect(signalsOf('PO_OVERDUE', late, {}, { ...ctx, today: '2026-03-02' })[0]?.value).toBe(1);
  });

  it('lists the late orders', () => {
    const [s] = signalsOf('PO_OVERDUE', { skus: [sku(pos('2026-02-27', '2026-02-25', '2026-03-04'))] });
    expect(s?.summary).toBe(
      'TEE-RED-M: 2 purchase order(s) overdue by up to 4 days (PO-2 due 2026-02-25, PO-1 due 2026-02-27)',
    );
  });
});

const failed = (consecutiveFailures?: number, error: string | null = 'HTTP 401 from WB') => ({
  lastSync: {
    status: 'failed' as const,
    at: T0,
    error,
    ...(consecutiveFailures ? { consecutiveFailures } : {}),
  },
});

describe('SYNC_FAILED: the last sync of an account failed (critical after 3 in a row)', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, Partial<AccountObservation>, string | null]>([
    ['one failure',                       failed(),                                                'firing/warning'],
    ['edge: 2 in a row',                  failed(2),                                               'firing/warning'],
    ['3 in a row',                        failed(3),                                               'firing/critical'],
    ['success',                           {},                                                      null],
    ['partial is not a failure',          { lastSync: { status: 'partial', at: T0, error: 'x' } }, null],
    ['never synced (DATA_STALE says so)', { lastSync: null },                                      null],
  ])('%s', (_name, patch, expected) => {
    expect(verdict(signalsOf('SYNC_FAILED', { accounts: [account(patch)] }))).toBe(expected);
  });

  it('quotes the error', () => {
    expect(signalsOf('SYNC_FAILED', { accounts: [account(failed(2))] })[0]?.summary).toBe(
      'WB main: sync failed 2 time(s) in a row: HTTP 401 from WB',
    );
  });
});

const aged = (type: string, ageHours: number | null, maxAgeHours?: number): Partial<AccountObservation> => ({
  dataAge: [{ type, ageHours, ...(maxAgeHours ? { maxAgeHours } : {}) }],
});

describe('DATA_STALE: data older than its limit (stock 36 h, sales 48 h, others 48 h; clears 2 h under)', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, Partial<AccountObservation>, string | null]>([
    ['stock 37 h old',                    aged('stock', 37),       'firing/warning'],
    ['edge: stock exactly 36 h',          aged('stock', 36),       'holding/warning'],
    ['stock 34.5 h inside the margin',    aged('stock', 34.5),     'holding/warning'],
    ['stock 34 h cleared',                aged('stock', 34),       null],
    ['sales 49 h old',                    aged('sales', 49),       'firing/warning'],
    ['stock twice the limit is critical', aged('stock', 72),       'firing/critical'],
    ['never synced is critical',          aged('sales', null),     'firing/critical'],
    ['unknown type uses the default',     aged('supplies', 49),    'firing/warning'],
    ['own limit from the observation',    aged('orders', 13, 12),  'firing/warning'],
  ])('%s', (_name, patch, expected) => {
    expect(verdict(signalsOf('DATA_STALE', { accounts: [account(patch)] }))).toBe(expected);
  });

  it('one alert per data type, each with its own fingerprint', () => {
    const both = account({
      dataAge: [
        { type: 'stock', ageHours: 40 },
        { type: 'sales', ageHours: 50 },
      ],
    });
    const signals = signalsOf('DATA_STALE', { accounts: [both] });
    expect(signals.map((s) => s.summary).sort()).toEqual([
      'WB main: sales data is 50 h old (max 48 h)',
      'WB main: stock data is 40 h old (max 36 h)',
    ]);
    expect(new Set(signals.map((s) => s.fingerprint)).size).toBe(2);
  });
});
