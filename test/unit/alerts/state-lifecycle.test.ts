import { describe, expect, it } from 'vitest';
import { ACCOUNT_ALERT_RULES } from '../../../src/core/alerts/index.js';
import { account, createRunner, hours, sku } from './helpers.js';

const runway = (runwayDays: number) => ({ skus: [sku({ runwayDays })] });

describe('firing → no duplicate → reminder → resolve (CRITICAL_LOW_STOCK, repeat 24 h)', () => {
  it('tells once, reminds after the repeat interval, tells the resolution', () => {
    const r = createRunner();
    // biome-ignore format: one row per case (STYLE.md rule 10)
    const steps: [number, number, string[]][] = [
      [0,    2,   ['firing:new:CRITICAL_LOW_STOCK:TEE-RED-M']],
      [1,    2,   []],
      [23.9, 1.5, []],
      [24,   1.5, ['reminder:repeat:CRITICAL_LOW_STOCK:TEE-RED-M']],
      [30,   1,   []],
      [48,   1,   ['reminder:repeat:CRITICAL_LOW_STOCK:TEE-RED-M']],
      [49,   5,   ['resolved:cleared:CRITICAL_LOW_STOCK:TEE-RED-M']],
      [50,   5,   []],
    ];
    for (const [at, days, expected] of steps)
      expect(r.step(hours(at), runway(days)), `at +${at} h`).toEqual(expected);
  });

  it('keeps the episode: first seen stays, last seen and value move', () => {
    const r = createRunner();
    r.step(hours(0), runway(2));
    r.step(hours(5), runway(1.5));
    expect(r.state('CRITICAL_LOW_STOCK')).toMatchObject({
      state: 'firing',
      firstSeenAt: hours(0),
      lastSeenAt: hours(5),
      lastNotifiedAt: hours(0),
      value: 1.5,
    });
    r.step(hours(6), runway(9));
    expect(r.state('CRITICAL_LOW_STOCK')).toMatchObject({ state: 'resolved', resolvedAt: hours(6) });
  });
});

describe('hysteresis: a value flapping around the threshold', () => {
  // Fires below 3 days; resolves only at 4 days (3 + 1 margin).
  const flapping: [number, string[]][] = [
    [2.9, ['firing:new:CRITICAL_LOW_STOCK:TEE-RED-M']],
    [3.1, []],
    [2.9, []],
    [3.5, []],
    [2.8, []],
    [3.9, []],
    [4.0, ['resolved:cleared:CRITICAL_LOW_STOCK:TEE-RED-M']],
    [3.2, []],
    [3.0, []],
    [2.9, ['firing:refired:CRITICAL_LOW_STOCK:TEE-RED-M']],
  ];

  it.each(flapping.map((row, i) => [i, ...row] as const))('step %i: runway %d → %j', (i, _days, expected) => {
    const r = createRunner();
    let last: string[] = [];
    for (const [k, [days]] of flapping.slice(0, i + 1).entries()) last = r.step(hours(k), runway(days));
    expect(last).toEqual(expected);
  });

  it('without a margin the same sequence would notify every crossing', () => {
    const r = createRunner({ criticalRunwayClearDays: 0 });
    const told = flapping.flatMap(([days], k) => r.step(hours(k), runway(days)));
    // 4 firings and 3 resolutions instead of 2 and 1.
    expect(told).toHaveLength(7);
  });

  it('a holding value never starts an alert', () => {
    const r = createRunner();
    expect(r.step(hours(0), runway(3.5))).toEqual([]);
    expect(r.states).toEqual([]);
  });
});

describe('severity escalation within one rule', () => {
  const overdueSince = (expectedDate: string) => ({
    skus: [sku({ openPurchaseOrders: [{ id: 'PO-9', expectedDate }] })],
  });

  it('a rise is told at once; a fall is not; the same level again is not', () => {
    const r = createRunner();
    expect(r.step(hours(0), overdueSince('2026-02-27'))).toEqual(['firing:new:PO_OVERDUE:TEE-RED-M']);
    expect(r.step(hours(1), overdueSince('2026-02-20'))).toEqual(['firing:escalated:PO_OVERDUE:TEE-RED-M']);
    expect(r.state('PO_OVERDUE')).toMatchObject({ severity: 'critical', notifiedSeverity: 'critical' });
    expect(r.step(hours(2), overdueSince('2026-02-27'))).toEqual([]);
    expect(r.state('PO_OVERDUE')?.severity).toBe('warning');
    expect(r.step(hours(3), overdueSince('2026-02-20'))).toEqual([]);
  });

  it('SYNC_FAILED turns critical on the third failure in a row', () => {
    const r = createRunner();
    const fail = (n: number) => ({
      accounts: [
        account({ lastSync: { status: 'failed', at: hours(n), error: '502', consecutiveFailures: n } }),
      ],
    });
    expect(r.step(hours(1), fail(1))).toEqual(['firing:new:SYNC_FAILED:7']);
    expect(r.step(hours(2), fail(2))).toEqual([]);
    expect(r.step(hours(3), fail(3))).toEqual(['firing:escalated:SYNC_FAILED:7']);
    expect(r.step(hours(4), { accounts: [account()] })).toEqual(['resolved:cleared:SYNC_FAILED:7']);
  });
});

describe('inhibition: the worse stock alert speaks for the SKU', () => {
  it('LOW_STOCK stays quiet under CRITICAL_LOW_STOCK and speaks again when alone', () => {
    const r = createRunner();
    const at = (stock: number, runwayDays: number) => ({
      skus: [sku({ stock, stock24hAgo: stock, runwayDays })],
    });
    expect(r.step(hours(0), at(40, 8))).toEqual(['firing:new:LOW_STOCK:TEE-RED-M']);
    expect(r.step(hours(1), at(10, 2))).toEqual(['firing:new:CRITICAL_LOW_STOCK:TEE-RED-M']);
    expect(r.state('LOW_STOCK')?.inhibitedBy).toBe(r.state('CRITICAL_LOW_STOCK')?.fingerprint);
    // Past the repeat interval only the critical one reminds.
    expect(r.step(hours(25), at(10, 2))).toEqual(['reminder:repeat:CRITICAL_LOW_STOCK:TEE-RED-M']);
    expect(r.step(hours(26), at(40, 8))).toEqual([
      'firing:unmuted:LOW_STOCK:TEE-RED-M',
      'resolved:cleared:CRITICAL_LOW_STOCK:TEE-RED-M',
    ]);
  });

  it('OUT_OF_STOCK mutes both stock-level alerts from the start', () => {
    const r = createRunner();
    const out = { skus: [sku({ stock: 0, stock24hAgo: 0, outOfStock: true, runwayDays: 0 })] };
    expect(r.step(hours(0), out)).toEqual(['firing:new:OUT_OF_STOCK:TEE-RED-M']);
    expect(r.states.map((s) => [s.rule, s.state, s.lastNotifiedAt]).sort()).toEqual([
      ['CRITICAL_LOW_STOCK', 'firing', null],
      ['LOW_STOCK', 'firing', null],
      ['OUT_OF_STOCK', 'firing', hours(0)],
    ]);
  });
});

describe('scope: an evaluation resolves only the rules it decided', () => {
  it('an after-sync run over accounts leaves stock alerts firing', () => {
    const r = createRunner();
    r.step(hours(0), runway(2));
    expect(r.step(hours(1), { accounts: [account()] }, { scope: ACCOUNT_ALERT_RULES })).toEqual([]);
    expect(r.state('CRITICAL_LOW_STOCK')?.state).toBe('firing');
    expect(r.step(hours(2), { accounts: [account()] })).toEqual([
      'resolved:cleared:CRITICAL_LOW_STOCK:TEE-RED-M',
    ]);
  });
});
