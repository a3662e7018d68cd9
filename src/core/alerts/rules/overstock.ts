import { band, fmt, type SkuRule, skuSignal } from './signal.js';

/** Stock plus on order covers more days than the company wants to hold. */
export const overstock: SkuRule = (sku, ctx, s) => {
  const units = sku.stock + (sku.onOrder ?? 0);
  if (units <= 0) return [];
  const fire = s.overstockDays;
  // Units with no demand at all last forever: dead stock is the worst overstock (as procurement).
  if (sku.coverDays === null) {
    if (sku.dailyDemand !== 0) return [];
    return [
      skuSignal(ctx, sku, 'OVERSTOCK', {
        status: 'firing',
        severity: 'info',
        summary: `${sku.sellerSku}: ${fmt(units)} units and no demand`,
        value: null,
        threshold: fire,
        details: { stock: sku.stock, onOrder: sku.onOrder ?? 0, dailyDemand: 0 },
      }),
    ];
  }
  const status = band(sku.coverDays, fire, fire - s.overstockClearDays, 'above');
  if (!status) return [];
  return [
    skuSignal(ctx, sku, 'OVERSTOCK', {
      status,
      severity: 'info',
      summary: `${sku.sellerSku}: ${fmt(units)} units cover ${fmt(sku.coverDays)} days (max ${fire})`,
      value: sku.coverDays,
      threshold: fire,
      details: { stock: sku.stock, onOrder: sku.onOrder ?? 0, dailyDemand: sku.dailyDemand },
    }),
  ];
};
