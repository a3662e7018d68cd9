import { band, fmt, type SkuRule, skuSignal } from './signal.js';

/** Over a share of the stock gone within 24 h: a promotion, a bulk order or a counting error. */
export const rapidDepletion: SkuRule = (sku, ctx, s) => {
  const before = sku.stock24hAgo;
  if (before === null || before <= 0) return [];
  const gone = before - Math.max(0, sku.stock);
  const share = gone / before;
  const fire = s.rapidDepletionShare;
  const status = band(share, fire, fire - s.rapidDepletionClearShare, 'above');
  if (!status || (status === 'firing' && gone < s.rapidDepletionMinUnits)) return [];
  return [
    skuSignal(ctx, sku, 'RAPID_DEPLETION', {
      status,
      severity: 'warning',
      summary: `${sku.sellerSku}: ${fmt(gone)} of ${fmt(before)} units (${Math.round(share * 100)}%) gone in 24 h`,
      value: share,
      threshold: fire,
      details: { stock: sku.stock, stock24hAgo: before, unitsGone: gone },
    }),
  ];
};
