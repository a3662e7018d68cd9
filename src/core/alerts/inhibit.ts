import type { AlertSettings } from './settings.js';
import type { AlertSignal } from './types.js';

const subjectOf = (a: Pick<AlertSignal, 'productId' | 'accountId'>): string =>
  a.productId !== undefined ? `p:${a.productId}` : `a:${a.accountId}`;

/**
 * Which alerts a worse one of the same subject mutes (Alertmanager inhibition): target
 * fingerprint → source fingerprint. Only `active` signals (firing after this evaluation) count
 * on either side.
 */
export function inhibitions(
  active: readonly AlertSignal[],
  rules: AlertSettings['inhibitions'],
): Map<string, string> {
  const bySubject = new Map<string, Map<string, string>>();
  for (const a of active) {
    const key = subjectOf(a);
    const rulesOf = bySubject.get(key) ?? new Map<string, string>();
    rulesOf.set(a.rule, a.fingerprint);
    bySubject.set(key, rulesOf);
  }
  const muted = new Map<string, string>();
  for (const a of active) {
    for (const { source, target } of rules) {
      const by = target === a.rule ? bySubject.get(subjectOf(a))?.get(source) : undefined;
      if (by && !muted.has(a.fingerprint)) muted.set(a.fingerprint, by);
    }
  }
  return muted;
}
