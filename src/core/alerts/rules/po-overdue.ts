import { fmt, type SkuRule, skuSignal } from './signal.js';

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) {
    throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  }
  return ms / DAY_MS;
}

/** The company's date when the caller gave it; the UTC date otherwise (see AlertContext.today). */
export function todayOf(ctx: { now: Date; today?: string }): string {
  return ctx.today ?? ctx.now.toISOString().slice(0, 10);
}

/** Open purchase orders of the SKU past their expected date (plus grace); one alert per SKU. */
export const poOverdue: SkuRule = (sku, ctx, s) => {
  const today = dayNumber(todayOf(ctx));
  const late = (sku.openPurchaseOrders ?? [])
    .map((po) => ({ ...po, daysLate: today - dayNumber(po.expectedDate) }))
    .filter((po) => po.daysLate > s.poOverdueGraceDays)
    .sort((a, b) => b.daysLate - a.daysLate || a.id.localeCompare(b.id));
  const worst = late[0];
  if (!worst) return [];
  const list = late.map((po) => `${po.id} due ${po.expectedDate}`).join(', ');
  return [
    skuSignal(ctx, sku, 'PO_OVERDUE', {
      status: 'firing',
      severity: worst.daysLate >= s.poOverdueCriticalDays ? 'critical' : 'warning',
      summary: `${sku.sellerSku}: ${late.length} purchase order(s) overdue by up to ${fmt(worst.daysLate)} days (${list})`,
      value: worst.daysLate,
      threshold: s.poOverdueGraceDays,
      details: { orders: late.map(({ id, expectedDate, daysLate }) => ({ id, expectedDate, daysLate })) },
    }),
  ];
};
