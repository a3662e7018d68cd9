import { dateOf, dayNumber as dayNo } from '../../core/forecast/index.js';
import type { ProcurementInput, ProcurementSettings, Recommendation } from '../../core/procurement/index.js';
import { resolveSettings } from '../../core/procurement/index.js';
import type { ProcurementSnapshot, RecommendationRecord } from '../../ports.js';

const hoursSince = (now: Date, then: Date | null) =>
  then ? Math.max(0, (now.getTime() - then.getTime()) / 3_600_000) : null;

export function settingsOf(company: ProcurementSnapshot['company']): ProcurementSettings {
  return resolveSettings({
    reviewPeriodDays: company.reviewPeriodDays,
    coverageDays: company.coverageDays,
    serviceLevel: { default: company.serviceLevel, ...company.serviceLevelByClass },
    maxStockAgeHours: company.staleStockHours,
    maxSalesAgeHours: company.staleSalesHours,
    overstockDays: company.overstockDays,
  });
}

type Product = ProcurementSnapshot['products'][number];

/** The engine's input for one product, from the bulk snapshot. */
export function buildInput(
  snap: ProcurementSnapshot,
  product: Product,
  runDate: string,
  now: Date,
  recentDays: number,
): ProcurementInput {
  const stock = snap.stock.get(product.id) ?? [];
  const latestStock = stock.reduce<Date | null>((m, s) => (!m || s.takenAt > m ? s.takenAt : m), null);
  const forecast = snap.forecasts.get(product.id);
  return {
    sku: product.sellerSku,
    today: runDate,
    stock: stock.map(({ takenAt: _, ...s }) => s),
    inboundSupplies: snap.supplies.get(product.id) ?? [],
    openPurchaseOrders: snap.openOrders.get(product.id) ?? [],
    forecast: forecast
      ? {
          startDate: forecast.startDate,
          mean: forecast.mean,
          quantiles: forecast.quantiles,
          metrics: { ...(forecast.mase !== null ? { mase: forecast.mase } : {}), origins: forecast.origins },
        }
      : null,
    leadTime: {
      productDays: product.leadTimeDays,
      supplierDays: product.supplierLeadTimeDays,
      defaultDays: snap.company.leadTimeDays,
    },
    abcClass: product.abcClass,
    moq: Math.max(product.moq, product.supplierMoq ?? 1),
    packSize: product.packSize,
    historyDays: product.firstSeen ? Math.max(0, dayNo(runDate) - dayNo(product.firstSeen)) : 0,
    freshness: {
      stockAgeHours: hoursSince(now, latestStock),
      salesAgeHours: hoursSince(now, snap.lastSalesDataAt),
    },
    ...recentDemandOf(snap, product.id, runDate, recentDays),
  };
}

/** The last days' actual demand against the interval an earlier forecast gave for them. */
function recentDemandOf(snap: ProcurementSnapshot, productId: number, runDate: string, days: number) {
  const earlier = snap.earlierForecasts.get(productId);
  const low = earlier?.quantiles.p025;
  const high = earlier?.quantiles.p975;
  if (!earlier || !low || !high) return {};
  const sales = snap.recentSales.get(productId);
  const actual: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  for (let d = dayNo(runDate) - days; d < dayNo(runDate); d++) {
    const i = d - dayNo(earlier.startDate);
    const lo = low[i];
    const hi = high[i];
    if (i < 0 || lo === undefined || hi === undefined) return {};
    actual.push(sales?.get(dateOf(d)) ?? 0);
    lows.push(lo);
    highs.push(hi);
  }
  return { recentDemand: { actual, low: lows, high: highs } };
}

export function toRecord(
  product: Product,
  forecastId: number | null,
  rec: Recommendation,
): RecommendationRecord {
  return {
    productId: product.id,
    supplierId: product.supplierId,
    forecastId,
    category: rec.category,
    reasons: [...rec.reasons, ...rec.attentionReasons.map((a) => a.code)],
    availableStock: Math.round(rec.available),
    inTransit: Math.round(rec.inTransit),
    onOrder: Math.round(rec.onOrder),
    dailyDemand: rec.dailyDemand ?? 0,
    runwayDays: rec.runwayDays,
    stockOutDate: rec.stockOutDate,
    orderByDate: rec.orderByDate,
    leadTimeDays: rec.leadTimeDays,
    serviceLevel: rec.serviceLevel,
    safetyStock: rec.safetyStock ?? 0,
    reorderPoint: rec.reorderPoint ?? 0,
    recommendedQty: rec.recommendedQuantity,
    explanation: rec.explanation,
    details: {
      attention: rec.attentionReasons,
      onHand: rec.onHand,
      projectedStockOutDate: rec.projectedStockOutDate,
      leadTimeSource: rec.leadTimeSource,
      reviewPeriodDays: rec.reviewPeriodDays,
      coverageDays: rec.coverageDays,
      cycleDemand: rec.cycleDemand,
      netRequirement: rec.netRequirement,
      packSize: rec.packSize,
      moq: rec.moq,
    },
  };
}
