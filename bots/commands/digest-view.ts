// Today's recommendations → the digest view model: ORDER_TODAY by runway (the most urgent first),
// ATTENTION_REQUIRED with its reasons, a count of ALREADY_ORDERED. Shared by the 08:00 job and /digest.

import type { AlertItem, DigestView, Freshness, LineActions } from '../../src/adapters/render/views.js';
import type { RecommendationView } from '../../src/ports.js';
import type { ActionKind } from './action-id.js';

export type DigestInput = {
  companyName: string;
  runDate: string;
  timezone: string;
  recommendations: readonly RecommendationView[];
  newAlerts: readonly AlertItem[];
  freshness: Freshness;
  /** Signed button id for one action on one recommendation (encodeAction with the bot's key). */
  actionId: (kind: ActionKind, recommendation: RecommendationView) => string;
};

/** Shortest runway first; no runway (demand never exhausts stock) last; then stock-out date, SKU. */
export function byRunway(a: RecommendationView, b: RecommendationView): number {
  const ra = a.runwayDays ?? Number.POSITIVE_INFINITY;
  const rb = b.runwayDays ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  const da = a.stockOutDate ?? '9999-12-31';
  const db = b.stockOutDate ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.sellerSku.localeCompare(b.sellerSku);
}

export function buildDigestView(input: DigestInput): DigestView {
  const { recommendations: recs } = input;
  const actions = (r: RecommendationView): LineActions => ({
    approve: input.actionId('approve', r),
    edit: input.actionId('edit', r),
    snooze1: input.actionId('snooze1', r),
    snooze7: input.actionId('snooze7', r),
    ordered: input.actionId('ordered', r),
  });
  return {
    companyName: input.companyName,
    runDate: input.runDate,
    timezone: input.timezone,
    orderToday: recs
      .filter((r) => r.category === 'ORDER_TODAY')
      .sort(byRunway)
      .map((r) => ({
        sellerSku: r.sellerSku,
        name: r.name,
        runwayDays: r.runwayDays,
        stockOutDate: r.stockOutDate,
        quantity: r.recommendedQty,
        explanation: r.explanation,
        actions: actions(r),
      })),
    attention: recs
      .filter((r) => r.category === 'ATTENTION_REQUIRED')
      .sort(byRunway)
      .map((r) => ({ sellerSku: r.sellerSku, name: r.name, reasons: r.reasons })),
    alreadyOrderedCount: recs.filter((r) => r.category === 'ALREADY_ORDERED').length,
    newAlerts: [...input.newAlerts],
    freshness: input.freshness,
  };
}
