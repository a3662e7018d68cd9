import type { RecentSales } from '../types.js';
import { fmt, type SkuRule, skuSignal } from './signal.js';

/** The first of `keys` the forecast has, so p025/p975 and p05/p95 forecasts both work. */
export function pickBand(
  quantiles: RecentSales['quantiles'],
  keys: readonly string[],
): { key: string; values: readonly number[] } | null {
  for (const key of keys) {
    const values = quantiles[key];
    if (values) return { key, values };
  }
  return null;
}

/** Latest days in a row for which `test` holds, counted back from the last day. */
function trailing(n: number, test: (i: number) => boolean): number {
  let count = 0;
  for (let i = n - 1; i >= 0 && test(i); i--) count++;
  return count;
}

/**
 * DEMAND_SPIKE when the last N days all sold above the band's top, DEMAND_DROP when all below its
 * bottom. Hysteresis in days: once firing, it holds until `demandClearDays` latest days are back
 * on the other side of that bound, so one quiet day inside a spike does not resolve it.
 */
export const demandOutlier: SkuRule = (sku, ctx, s) => {
  const recent = sku.recentSales;
  if (!recent) return [];
  const low = pickBand(recent.quantiles, s.demandBand.low);
  const high = pickBand(recent.quantiles, s.demandBand.high);
  const n = recent.actual.length;
  const at = (values: readonly number[] | undefined, i: number) => values?.[i] ?? Number.NaN;
  const actual = (i: number) => recent.actual[i] ?? Number.NaN;
  const kinds = [
    { rule: 'DEMAND_SPIKE' as const, bound: high, out: (i: number) => actual(i) > at(high?.values, i) },
    { rule: 'DEMAND_DROP' as const, bound: low, out: (i: number) => actual(i) < at(low?.values, i) },
  ];
  return kinds.flatMap(({ rule, bound, out }) => {
    if (!bound) return [];
    const outside = trailing(n, out);
    const inside = trailing(n, (i) => !out(i) && Number.isFinite(actual(i)));
    const ever = recent.actual.some((_, i) => out(i));
    const status =
      outside >= s.demandOutlierDays ? 'firing' : ever && inside < s.demandClearDays ? 'holding' : null;
    if (!status) return [];
    const last = Math.max(0, n - s.demandOutlierDays);
    const sold = recent.actual.slice(last).map(fmt).join(', ');
    const limit = bound.values.slice(last, n).map(fmt).join(', ');
    const side = rule === 'DEMAND_SPIKE' ? 'above' : 'below';
    return [
      skuSignal(ctx, sku, rule, {
        status,
        severity: rule === 'DEMAND_SPIKE' ? 'warning' : 'info',
        summary: `${sku.sellerSku}: sales ${side} the forecast ${bound.key} for ${outside} days (sold ${sold} vs ${limit})`,
        value: outside,
        threshold: s.demandOutlierDays,
        details: {
          band: bound.key,
          dates: recent.dates?.slice(last) ?? null,
          actual: recent.actual.slice(last),
          bound: bound.values.slice(last, n),
        },
      }),
    ];
  });
};
