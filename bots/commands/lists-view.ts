// /runway [n] and /orders as view models.

import type { OrdersView, RunwayView } from '../../src/adapters/render/views.js';
import { OPEN_PO_STATUSES, type PurchaseOrder, type RecommendationView } from '../../src/ports.js';
import { byRunway } from './digest-view.js';

export const ORDERS_LIST_SIZE = 20;

/** The n SKUs that run out first; SKUs whose stock outlasts the forecast are not listed. */
export function buildRunwayView(recs: readonly RecommendationView[], n: number): RunwayView {
  const lines = recs
    .filter((r) => r.runwayDays !== null)
    .sort(byRunway)
    .slice(0, Math.max(0, n))
    .map((r) => ({
      sellerSku: r.sellerSku,
      name: r.name,
      runwayDays: r.runwayDays,
      stockOutDate: r.stockOutDate,
      category: r.category,
    }));
  return { runDate: recs[0]?.runDate ?? null, lines };
}

/** Open orders, the ones expected soonest first (undated last), then by number. */
export function buildOrdersView(orders: readonly PurchaseOrder[], limit = ORDERS_LIST_SIZE): OrdersView {
  const open = orders
    .filter((o) => OPEN_PO_STATUSES.includes(o.status))
    .sort((a, b) => (a.expectedAt ?? '9999').localeCompare(b.expectedAt ?? '9999') || a.number - b.number);
  return {
    orders: open.slice(0, limit).map((o) => ({
      number: o.number,
      supplierName: o.supplierName,
      status: o.status,
      expectedAt: o.expectedAt,
      totalUnits: o.lines.reduce((n, l) => n + l.quantity, 0),
      lineCount: o.lines.length,
    })),
    moreCount: Math.max(0, open.length - limit),
  };
}
