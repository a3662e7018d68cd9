import { describe, expect, it } from 'vitest';
import {
  type AlertNotifications,
  advanceAlerts,
  alertKey,
  evaluateRules,
  fingerprint,
  fnv1a64,
  groupNotifications,
} from '../../../src/core/alerts/index.js';
import { account, COMPANY, hours, sku, T0 } from './helpers.js';

describe('FNV-1a 64', () => {
  // The published test vectors of the 64-bit FNV-1a hash.
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, string]>([
    ['',       'cbf29ce484222325'],
    ['a',      'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('%j → %s', (text, hash) => {
    expect(fnv1a64(text)).toBe(hash);
  });

  it('hashes UTF-8, so Cyrillic SKUs are stable across runtimes', () => {
    expect(fnv1a64('ФУТБОЛКА-М')).toMatch(/^[0-9a-f]{16}$/);
    expect(fnv1a64('ФУТБОЛКА-М')).not.toBe(fnv1a64('ФУТБОЛКА-Л'));
  });
});

describe('fingerprints: company + rule + subject, nothing else', () => {
  const base = fingerprint(COMPANY, 'LOW_STOCK', { productId: 1 });

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, string, boolean]>([
    ['same inputs',        fingerprint(COMPANY, 'LOW_STOCK', { productId: 1 }),             true],
    ['another company',    fingerprint('another-company', 'LOW_STOCK', { productId: 1 }),  false],
    ['another rule',       fingerprint(COMPANY, 'OVERSTOCK', { productId: 1 }),             false],
    ['another SKU',        fingerprint(COMPANY, 'LOW_STOCK', { productId: 2 }),             false],
    ['an account, not a SKU', fingerprint(COMPANY, 'LOW_STOCK', { accountId: 1 }),          false],
  ])('%s', (_name, other, same) => {
    expect(other === base).toBe(same);
  });

  it('the readable key behind it', () => {
    expect(alertKey(COMPANY, 'DATA_STALE', { accountId: 7, part: 'stock' })).toBe(
      `${COMPANY}:DATA_STALE:account:7:stock`,
    );
    expect(fingerprint(COMPANY, 'LOW_STOCK', { productId: 1 })).toBe(fnv1a64(`${COMPANY}:LOW_STOCK:sku:1`));
  });

  it('does not move with the numbers: a worse value is the same alert', () => {
    const fp = (runwayDays: number) =>
      evaluateRules({ companyId: COMPANY, now: T0 }, { skus: [sku({ runwayDays })] })[0]?.fingerprint;
    expect(fp(2)).toBe(fp(0.5));
  });
});

describe('dedup keys of group messages', () => {
  const notify = (): AlertNotifications => {
    const skus = [sku({ runwayDays: 2 }), sku({ productId: 2, sellerSku: 'CAP', coverDays: 500 })];
    const accounts = [account({ dataAge: [{ type: 'stock', ageHours: 50 }] })];
    const signals = evaluateRules({ companyId: COMPANY, now: T0 }, { skus, accounts });
    return advanceAlerts({ states: [], silences: [], signals, now: T0 }).notifications;
  };

  it('are the same for the same evaluation, whatever the input order', () => {
    const a = notify();
    const b = { ...a, newlyFiring: [...a.newlyFiring].reverse() };
    const key = groupNotifications(COMPANY, a, T0)?.dedupKey;
    expect(key).toMatch(new RegExp(`^alert-group:${COMPANY}:[0-9a-f]{16}$`));
    expect(groupNotifications(COMPANY, b, T0)?.dedupKey).toBe(key);
    expect(groupNotifications(COMPANY, notify(), T0)?.firing).toEqual(
      groupNotifications(COMPANY, b, T0)?.firing,
    );
  });

  it('differ for another evaluation time or other alerts, so tomorrow’s reminder is sent', () => {
    const a = notify();
    const key = groupNotifications(COMPANY, a, T0)?.dedupKey;
    expect(groupNotifications(COMPANY, a, hours(24))?.dedupKey).not.toBe(key);
    const fewer = { ...a, newlyFiring: a.newlyFiring.slice(1) };
    expect(groupNotifications(COMPANY, fewer, T0)?.dedupKey).not.toBe(key);
  });

  it('evaluation output is sorted by fingerprint', () => {
    const skus = [3, 1, 2].map((productId) => sku({ productId, sellerSku: `S${productId}`, runwayDays: 1 }));
    const fps = evaluateRules({ companyId: COMPANY, now: T0 }, { skus }).map((s) => s.fingerprint);
    expect(fps).toEqual([...fps].sort());
  });
});
