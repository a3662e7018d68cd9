import type { ProcurementInput } from './input.js';
import { addDays } from './iso-date.js';
import type { AttentionReason } from './recommendation.js';
import type { ProcurementSettings } from './settings.js';
import type { StockPosition } from './stock-position.js';

/** What the attention rules look at; demand facts are null without a forecast. */
export interface AttentionFacts {
  input: ProcurementInput;
  settings: ProcurementSettings;
  position: StockPosition;
  dailyDemand: number | null;
  /** Runway with open POs arriving on their dates. */
  timedRunwayDays: number | null;
  /** Runway of available stock + everything on order. */
  coverDays: number | null;
  leadTimeDays: number;
}

type Rule = (f: AttentionFacts) => AttentionReason | null;

const stale: Rule = ({ input: { freshness }, settings }) => {
  const late: string[] = [];
  if (freshness.stockAgeHours === null) late.push('stock never synced');
  else if (freshness.stockAgeHours > settings.maxStockAgeHours)
    late.push(`stock is ${Math.round(freshness.stockAgeHours)} h old (max ${settings.maxStockAgeHours} h)`);
  if (freshness.salesAgeHours === null) late.push('sales never synced');
  else if (freshness.salesAgeHours > settings.maxSalesAgeHours)
    late.push(`sales are ${Math.round(freshness.salesAgeHours)} h old (max ${settings.maxSalesAgeHours} h)`);
  return late.length ? { code: 'STALE_DATA', detail: late.join('; ') } : null;
};

const missingForecast: Rule = ({ input: { forecast } }) =>
  !forecast || forecast.mean.length === 0
    ? { code: 'MISSING_FORECAST', detail: 'no forecast for this SKU' }
    : null;

const shortHistory: Rule = ({ input: { historyDays }, settings }) =>
  historyDays < settings.minHistoryDays
    ? { code: 'SHORT_HISTORY', detail: `${historyDays} days of history (need ${settings.minHistoryDays})` }
    : null;

const unreliable: Rule = ({ input: { forecast }, settings }) => {
  const m = forecast?.metrics;
  if (!m || m.mase === undefined || !Number.isFinite(m.mase) || m.origins === 0) return null;
  return m.mase > settings.maxMase
    ? { code: 'UNRELIABLE_FORECAST', detail: `backtest MASE ${m.mase.toFixed(2)} (max ${settings.maxMase})` }
    : null;
};

const negative: Rule = ({ position }) =>
  position.negativeWarehouses.length
    ? { code: 'NEGATIVE_STOCK', detail: `negative stock in ${position.negativeWarehouses.join(', ')}` }
    : null;

const outOfStock: Rule = ({ position, dailyDemand }) =>
  position.onHand <= 0 && dailyDemand !== null && dailyDemand > 0
    ? { code: 'OUT_OF_STOCK_WITH_DEMAND', detail: `no sellable stock, demand ${dailyDemand.toFixed(1)}/day` }
    : null;

const overdue: Rule = ({ position }) =>
  position.overduePurchaseOrders.length
    ? {
        code: 'OVERDUE_PO',
        detail: position.overduePurchaseOrders.map((po) => `${po.id} was due ${po.expectedDate}`).join('; '),
      }
    : null;

// Only when a new order could not arrive before the stock-out either: then expediting is the fix.
const lateOrder: Rule = ({ input, timedRunwayDays, leadTimeDays }) => {
  if (timedRunwayDays === null || timedRunwayDays >= leadTimeDays) return null;
  const stockOut = addDays(input.today, timedRunwayDays);
  const late = (input.openPurchaseOrders ?? []).filter((po) => po.expectedDate > stockOut);
  return late.length
    ? {
        code: 'PO_ARRIVES_AFTER_STOCKOUT',
        detail: `stock runs out ${stockOut}; ${late.map((po) => `${po.id} expected ${po.expectedDate}`).join('; ')}`,
      }
    : null;
};

const outliers: Rule = ({ input: { recentDemand }, settings }) => {
  const n = settings.outlierDays;
  if (!recentDemand || recentDemand.actual.length < n) return null;
  const from = recentDemand.actual.length - n;
  const days = recentDemand.actual.slice(from).map((actual, i) => ({
    actual,
    low: recentDemand.low[from + i] ?? Number.NaN,
    high: recentDemand.high[from + i] ?? Number.NaN,
  }));
  if (days.every((d) => d.actual > d.high))
    return { code: 'DEMAND_SPIKE', detail: `demand above the forecast interval for the last ${n} days` };
  if (days.every((d) => d.actual < d.low))
    return { code: 'DEMAND_DROP', detail: `demand below the forecast interval for the last ${n} days` };
  return null;
};

const overstock: Rule = ({ position, dailyDemand, coverDays, settings }) => {
  const stock = position.available + position.onOrder;
  if (dailyDemand === null || stock <= 0) return null;
  if (coverDays === null) return { code: 'OVERSTOCK', detail: `${stock} units and no forecast demand` };
  return coverDays > settings.overstockDays
    ? { code: 'OVERSTOCK', detail: `stock covers ${coverDays} days (max ${settings.overstockDays})` }
    : null;
};

/** In the order a reader should see them: data problems first, then stock, then demand. */
const RULES: readonly Rule[] = [
  missingForecast,
  stale,
  shortHistory,
  unreliable,
  negative,
  outOfStock,
  overdue,
  lateOrder,
  outliers,
  overstock,
];

export function attentionReasons(facts: AttentionFacts): AttentionReason[] {
  return RULES.map((rule) => rule(facts)).filter((r): r is AttentionReason => r !== null);
}
