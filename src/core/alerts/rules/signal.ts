import { type AlertSubject, fingerprint } from '../fingerprint.js';
import type { AlertSettings } from '../settings.js';
import type { AccountObservation, AlertContext, AlertRule, AlertSignal, SkuObservation } from '../types.js';

export type SkuRule = (sku: SkuObservation, ctx: AlertContext, settings: AlertSettings) => AlertSignal[];
export type AccountRule = (
  account: AccountObservation,
  ctx: AlertContext,
  settings: AlertSettings,
) => AlertSignal[];

type Fields = Omit<AlertSignal, 'rule' | 'fingerprint' | 'productId' | 'accountId' | 'sku'>;

export function skuSignal(ctx: AlertContext, sku: SkuObservation, rule: AlertRule, f: Fields): AlertSignal {
  const subject: AlertSubject = { productId: sku.productId };
  return {
    rule,
    fingerprint: fingerprint(ctx.companyId, rule, subject),
    productId: sku.productId,
    sku: sku.sellerSku,
    ...f,
  };
}

export function accountSignal(
  ctx: AlertContext,
  account: AccountObservation,
  rule: AlertRule,
  part: string | undefined,
  f: Fields,
): AlertSignal {
  const subject: AlertSubject = part
    ? { accountId: account.accountId, part }
    : { accountId: account.accountId };
  return { rule, fingerprint: fingerprint(ctx.companyId, rule, subject), accountId: account.accountId, ...f };
}

const snap = (n: number) => Math.round(n * 1e9) / 1e9;

/**
 * Hysteresis on one number: past `fire` (strictly) is firing; between `fire` and `clear` is
 * holding; at or beyond `clear` is cleared (null). `clear` sits on the safe side of `fire`.
 */
export function band(
  value: number,
  fire: number,
  clear: number,
  direction: 'below' | 'above',
): 'firing' | 'holding' | null {
  // 50 × 1.1 is 55.00000000000001 and 0.3 − 0.1 is 0.19999999999999998: compare at 1e-9, so a
  // value exactly on a threshold lands on the documented side.
  const [v, f, c] = [snap(value), snap(fire), snap(clear)];
  if (direction === 'below') return v < f ? 'firing' : v < c ? 'holding' : null;
  return v > f ? 'firing' : v > c ? 'holding' : null;
}

/** Numbers as people read them: whole where whole, else one decimal. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
