import type { AlertRule } from './types.js';

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** 64-bit FNV-1a of the UTF-8 bytes, 16 hex digits: pure, no node:crypto (core rule). */
export function fnv1a64(text: string): string {
  let hash = OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

/** What an alert is about: a SKU (by product id) or an account, optionally one data type of it. */
export type AlertSubject = { productId: number } | { accountId: number; part?: string };

export function subjectKey(subject: AlertSubject): string {
  if ('productId' in subject) return `sku:${subject.productId}`;
  return subject.part ? `account:${subject.accountId}:${subject.part}` : `account:${subject.accountId}`;
}

/** The readable identity of an alert: company + rule + subject. */
export function alertKey(companyId: string, rule: AlertRule, subject: AlertSubject): string {
  return `${companyId}:${rule}:${subjectKey(subject)}`;
}

/**
 * Hashed rather than the readable key: a company uuid + rule + id can pass Telegram's 64-byte
 * callback_data limit, and the snooze button carries the fingerprint. 64 bits keep collisions
 * negligible at a few hundred companies × 10,000 SKUs × 10 rules.
 */
export function fingerprint(companyId: string, rule: AlertRule, subject: AlertSubject): string {
  return fnv1a64(alertKey(companyId, rule, subject));
}
