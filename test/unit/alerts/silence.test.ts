import { describe, expect, it } from 'vitest';
import { fingerprint, type Silence, silenceActive, silenceMatches } from '../../../src/core/alerts/index.js';
import { COMPANY, createRunner, hours, sku } from './helpers.js';

const low = (productId = 1, sellerSku = 'TEE-RED-M') => sku({ productId, sellerSku, runwayDays: 2 });
const fine = (productId = 1, sellerSku = 'TEE-RED-M') => sku({ productId, sellerSku });
const critical1 = fingerprint(COMPANY, 'CRITICAL_LOW_STOCK', { productId: 1 });
const by = { createdBy: 'slack:T1:U42', reason: 'supplier confirmed a delivery on Friday' };
const untilH = (h: number, match: Partial<Silence>): Silence => ({ ...match, until: hours(h), ...by });

describe('silences: which alerts one mutes', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, Partial<Silence>, boolean]>([
    ['by fingerprint',                    { fingerprint: critical1 },                 true],
    ['by product: every rule of the SKU', { productId: 1 },                           true],
    ['another fingerprint',               { fingerprint: 'ffffffffffffffff' },        false],
    ['another product',                   { productId: 2 },                           false],
    ['both given must both match',        { fingerprint: critical1, productId: 2 },   false],
    ['neither given matches nothing',     {},                                         false],
  ])('%s', (_name, match, expected) => {
    expect(silenceMatches(untilH(10, match), { fingerprint: critical1, productId: 1 })).toBe(expected);
  });

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, Partial<Silence>, number, boolean]>([
    ['before until',                      {},                        9.9, true],
    ['edge: at until it has ended',       {},                        10,  false],
    ['not yet started',                   { startsAt: hours(5) },    4,   false],
    ['edge: at its start',                { startsAt: hours(5) },    5,   true],
  ])('active: %s', (_name, extra, at, expected) => {
    expect(silenceActive(untilH(10, { productId: 1, ...extra }), hours(at))).toBe(expected);
  });
});

describe('snooze one alert: quiet while silenced, told again if it outlives the silence', () => {
  it('runs the sequence', () => {
    const r = createRunner();
    const silences = [untilH(10, { fingerprint: critical1 })];
    expect(r.step(hours(0), { skus: [low()] })).toEqual(['firing:new:CRITICAL_LOW_STOCK:TEE-RED-M']);
    expect(r.step(hours(1), { skus: [low()] }, { silences })).toEqual([]);
    expect(r.state('CRITICAL_LOW_STOCK')).toMatchObject({
      state: 'snoozed',
      snoozedUntil: hours(10),
      snoozedBy: by,
    });
    // No reminder either, even past the repeat interval (silence reaching further here).
    const long = [untilH(40, { fingerprint: critical1 })];
    expect(r.step(hours(30), { skus: [low()] }, { silences: long })).toEqual([]);
    expect(r.step(hours(40), { skus: [low()] }, { silences: long })).toEqual([
      'firing:unmuted:CRITICAL_LOW_STOCK:TEE-RED-M',
    ]);
    expect(r.state('CRITICAL_LOW_STOCK')).toMatchObject({
      state: 'firing',
      snoozedUntil: null,
      lastNotifiedAt: hours(40),
    });
    expect(r.step(hours(41), { skus: [low()] }, { silences: long })).toEqual([]);
  });

  it('an alert that clears while silenced resolves without a word', () => {
    const r = createRunner();
    const silences = [untilH(10, { fingerprint: critical1 })];
    r.step(hours(0), { skus: [low()] });
    expect(r.step(hours(1), { skus: [low()] }, { silences })).toEqual([]);
    expect(r.step(hours(2), { skus: [fine()] }, { silences })).toEqual([]);
    expect(r.state('CRITICAL_LOW_STOCK')?.state).toBe('resolved');
    expect(r.step(hours(11), { skus: [fine()] })).toEqual([]);
  });
});

describe('snooze a SKU: every rule of that product, none of the others', () => {
  it('a new alert born silenced is told only when the silence ends', () => {
    const r = createRunner();
    const silences = [untilH(5, { productId: 1 })];
    const both = { skus: [low(1, 'TEE-RED-M'), low(2, 'TEE-BLUE-L')] };
    expect(r.step(hours(1), both, { silences })).toEqual(['firing:new:CRITICAL_LOW_STOCK:TEE-BLUE-L']);
    expect(r.states.find((s) => s.sku === 'TEE-RED-M')).toMatchObject({
      state: 'snoozed',
      lastNotifiedAt: null,
    });
    expect(r.step(hours(4), both, { silences })).toEqual([]);
    expect(r.step(hours(5), both, { silences })).toEqual(['firing:unmuted:CRITICAL_LOW_STOCK:TEE-RED-M']);
  });

  it('a silence that ends after the alert cleared says nothing at all', () => {
    const r = createRunner();
    const silences = [untilH(5, { productId: 1 })];
    expect(r.step(hours(1), { skus: [low()] }, { silences })).toEqual([]);
    expect(r.step(hours(2), { skus: [fine()] }, { silences })).toEqual([]);
    expect(r.step(hours(6), { skus: [fine()] })).toEqual([]);
    expect(r.state('CRITICAL_LOW_STOCK')).toMatchObject({ state: 'resolved', lastNotifiedAt: null });
  });

  it('a silence not started yet mutes nothing', () => {
    const r = createRunner();
    const silences = [{ ...untilH(10, { productId: 1 }), startsAt: hours(3) }];
    expect(r.step(hours(1), { skus: [low()] }, { silences })).toEqual([
      'firing:new:CRITICAL_LOW_STOCK:TEE-RED-M',
    ]);
  });
});
