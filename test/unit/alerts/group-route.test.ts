import { describe, expect, it } from 'vitest';
import {
  type AlertNotifications,
  type AlertRoute,
  advanceAlerts,
  evaluateRules,
  groupNotifications,
  routeNotifications,
  type Severity,
} from '../../../src/core/alerts/index.js';
import { account, COMPANY, createRunner, hours, sku, T0 } from './helpers.js';

/** One morning with something of every severity, plus a SYNC_FAILED without a SKU. */
function morning(): AlertNotifications {
  const skus = [
    sku({ productId: 3, sellerSku: 'MUG-WHITE', stock: 40, stock24hAgo: 40 }), // LOW_STOCK, warning
    sku({ productId: 2, sellerSku: 'CAP-BLACK', coverDays: 400 }), // OVERSTOCK, info
    sku({ productId: 1, sellerSku: 'TEE-RED-M', stock: 0, stock24hAgo: 0, outOfStock: true }), // OUT_OF_STOCK
    sku({ productId: 4, sellerSku: 'BAG-TOTE', runwayDays: 2, stock24hAgo: 100 }), // CRITICAL_LOW_STOCK
  ];
  const accounts = [account({ lastSync: { status: 'failed', at: T0, error: '502' } })]; // warning
  const signals = evaluateRules({ companyId: COMPANY, now: T0 }, { skus, accounts });
  return advanceAlerts({ states: [], silences: [], signals, now: T0 }).notifications;
}

const lines = (items: { severity: Severity; rule: string; sku?: string; accountId?: number }[]) =>
  items.map((i) => `${i.severity} ${i.rule} ${i.sku ?? `account ${i.accountId}`}`);

describe('grouping: one message per company per evaluation', () => {
  it('holds every new alert, critical first, then by SKU', () => {
    const m = groupNotifications(COMPANY, morning(), T0);
    expect(lines(m?.firing ?? [])).toEqual([
      'critical CRITICAL_LOW_STOCK BAG-TOTE',
      'critical OUT_OF_STOCK TEE-RED-M',
      'warning SYNC_FAILED account 7',
      'warning LOW_STOCK MUG-WHITE',
      'info OVERSTOCK CAP-BLACK',
    ]);
    expect(m).toMatchObject({
      highestSeverity: 'critical',
      counts: { critical: 2, warning: 2, info: 1 },
      reminders: [],
      resolved: [],
    });
  });

  it('puts reminders and resolutions of the same evaluation in the same message', () => {
    const r = createRunner();
    const two = (tee: number, mug: number) => ({
      skus: [
        sku({ productId: 1, sellerSku: 'TEE-RED-M', runwayDays: tee }),
        sku({ productId: 2, sellerSku: 'MUG-WHITE', runwayDays: mug }),
      ],
    });
    r.step(hours(0), two(2, 9));
    r.step(hours(10), two(2, 2));
    const signals = evaluateRules({ companyId: COMPANY, now: hours(24) }, two(2, 9));
    const { notifications } = advanceAlerts({ states: r.states, silences: [], signals, now: hours(24) });
    const m = groupNotifications(COMPANY, notifications, hours(24));
    expect(m?.firing).toEqual([]);
    expect(lines(m?.reminders ?? [])).toEqual(['critical CRITICAL_LOW_STOCK TEE-RED-M']);
    expect(lines(m?.resolved ?? [])).toEqual(['critical CRITICAL_LOW_STOCK MUG-WHITE']);
    expect(m?.resolved[0]?.firstSeenAt).toEqual(hours(10));
  });

  it('nothing to say is no message', () => {
    expect(groupNotifications(COMPANY, { newlyFiring: [], reminders: [], resolved: [] }, T0)).toBeNull();
  });

  it('only resolutions: no highest severity, nothing counted', () => {
    const n = morning();
    const m = groupNotifications(COMPANY, { newlyFiring: [], reminders: [], resolved: n.newlyFiring }, T0);
    expect(m).toMatchObject({ highestSeverity: null, counts: { critical: 0, warning: 0, info: 0 } });
  });
});

describe('routing: each chat gets the alerts at or above its minimum severity', () => {
  const routes: AlertRoute[] = [
    { target: 'telegram:owner', minSeverity: 'critical' },
    { target: 'slack:C-buyers', minSeverity: 'warning' },
    { target: 'slack:C-ops', minSeverity: 'info' },
  ];

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, number]>([
    ['slack:C-buyers', 4],
    ['slack:C-ops',    5],
    ['telegram:owner', 2],
  ])('%s gets %i alerts in one message', (target, count) => {
    const messages = routeNotifications(COMPANY, morning(), routes, T0);
    const mine = messages.filter((m) => m.target === target);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.firing).toHaveLength(count);
    expect(mine[0]?.dedupKey).toMatch(new RegExp(`^alert-group:${COMPANY}:${target}:[0-9a-f]{16}$`));
  });

  it('a chat with nothing at its level gets no message', () => {
    const infoOnly = morning();
    infoOnly.newlyFiring = infoOnly.newlyFiring.filter((n) => n.alert.severity === 'info');
    expect(routeNotifications(COMPANY, infoOnly, routes, T0).map((m) => m.target)).toEqual(['slack:C-ops']);
  });

  it('a resolution follows the alert severity, so it reaches the chats that saw it fire', () => {
    const n = morning();
    const resolvedOnly = { newlyFiring: [], reminders: [], resolved: n.newlyFiring };
    const owner = routeNotifications(COMPANY, resolvedOnly, routes, T0).find(
      (m) => m.target === 'telegram:owner',
    );
    expect(lines(owner?.resolved ?? [])).toEqual([
      'critical CRITICAL_LOW_STOCK BAG-TOTE',
      'critical OUT_OF_STOCK TEE-RED-M',
    ]);
  });

  it('a chat listed twice gets one message at its most permissive level', () => {
    const twice: AlertRoute[] = [
      { target: 'slack:C-ops', minSeverity: 'critical' },
      { target: 'slack:C-ops', minSeverity: 'warning' },
    ];
    const messages = routeNotifications(COMPANY, morning(), twice, T0);
    expect(messages.map((m) => [m.target, m.firing.length])).toEqual([['slack:C-ops', 4]]);
  });
});
