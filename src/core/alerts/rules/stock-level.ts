import { band, fmt, type SkuRule, skuSignal } from './signal.js';

/** Worse of two bands: firing beats holding beats cleared. */
function worst(...states: ('firing' | 'holding' | null)[]): 'firing' | 'holding' | null {
  if (states.includes('firing')) return 'firing';
  return states.includes('holding') ? 'holding' : null;
}

/** Runway below a few days, or stock under the SKU's floor. */
export const criticalLowStock: SkuRule = (sku, ctx, s) => {
  const fire = s.criticalRunwayDays;
  const floor = sku.stockFloor ?? s.stockFloor;
  const byRunway =
    sku.runwayDays === null ? null : band(sku.runwayDays, fire, fire + s.criticalRunwayClearDays, 'below');
  const byFloor = floor > 0 ? band(sku.stock, floor, floor + s.stockFloorClearUnits, 'below') : null;
  const status = worst(byRunway, byFloor);
  if (!status) return [];
  const runway = sku.runwayDays;
  // Speak of the condition that fires; the runway when both do (it says when the shelf is empty).
  const byRunwayFirst =
    runway !== null && byRunway !== null && (byRunway === 'firing' || byFloor !== 'firing');
  const summary = byRunwayFirst
    ? `${sku.sellerSku}: ${fmt(sku.stock)} units last ${fmt(runway)} days (critical below ${fire})`
    : `${sku.sellerSku}: ${fmt(sku.stock)} units, under the floor of ${fmt(floor)}`;
  return [
    skuSignal(ctx, sku, 'CRITICAL_LOW_STOCK', {
      status,
      severity: 'critical',
      summary,
      value: byRunwayFirst ? runway : sku.stock,
      threshold: byRunwayFirst ? fire : floor,
      details: { stock: sku.stock, runwayDays: runway, floor, dailyDemand: sku.dailyDemand },
    }),
  ];
};

/** Stock plus what is on order is below the reorder point. */
export const lowStock: SkuRule = (sku, ctx, s) => {
  const rop = sku.reorderPoint;
  if (rop === null || rop <= 0) return [];
  const position = sku.stock + (sku.onOrder ?? 0);
  const status = band(position, rop, rop * (1 + s.lowStockClearRatio), 'below');
  if (!status) return [];
  return [
    skuSignal(ctx, sku, 'LOW_STOCK', {
      status,
      severity: 'warning',
      summary: `${sku.sellerSku}: ${fmt(position)} units in stock and on order, below the reorder point ${fmt(rop)}`,
      value: position,
      threshold: rop,
      details: { stock: sku.stock, onOrder: sku.onOrder ?? 0, runwayDays: sku.runwayDays },
    }),
  ];
};

/** Nothing to sell while people still buy it; a dead SKU at zero is not news. */
export const outOfStock: SkuRule = (sku, ctx) => {
  const demand = sku.dailyDemand ?? 0;
  if (!(sku.outOfStock || sku.stock <= 0) || demand <= 0) return [];
  return [
    skuSignal(ctx, sku, 'OUT_OF_STOCK', {
      status: 'firing',
      severity: 'critical',
      summary: `${sku.sellerSku}: out of stock, demand ${fmt(demand)} units/day`,
      value: sku.stock,
      threshold: 0,
      details: { dailyDemand: demand, onOrder: sku.onOrder ?? 0 },
    }),
  ];
};
