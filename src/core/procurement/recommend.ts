import { attentionReasons } from './attention.js';
import { decideCategory } from './decide-category.js';
import { demandPath } from './demand-path.js';
import { explain } from './explain.js';
import type { ProcurementInput } from './input.js';
import { addDays } from './iso-date.js';
import { resolveLeadTime } from './lead-time.js';
import { roundOrderQuantity } from './order-quantity.js';
import { recommendWithoutForecast } from './recommend-without-forecast.js';
import type { Recommendation, RecommendationBase } from './recommendation.js';
import { riskDemand } from './risk-demand.js';
import { runwayDays } from './runway.js';
import { defaultProcurementSettings, type ProcurementSettings, serviceLevelFor } from './settings.js';
import { stockPosition } from './stock-position.js';

/** The procurement decision for one SKU on the morning of `input.today`. */
export function recommend(
  input: ProcurementInput,
  settings: ProcurementSettings = defaultProcurementSettings,
): Recommendation {
  const position = stockPosition(input.today, input.stock, input.inboundSupplies, input.openPurchaseOrders);
  const { available, onOrder } = position;
  const lead = resolveLeadTime(input.leadTime);
  const reviewPeriodDays = Math.max(0, Math.round(input.reviewPeriodDays ?? settings.reviewPeriodDays));
  const coverageDays = Math.max(0, Math.round(input.coverageDays ?? settings.coverageDays));
  const packSize = Math.max(1, Math.round(input.packSize ?? 1));
  const moq = Math.max(1, input.moq ?? 1);
  const base: RecommendationBase = {
    sku: input.sku,
    today: input.today,
    available,
    onHand: position.onHand,
    inTransit: position.inTransit,
    onOrder,
    leadTimeDays: lead.days,
    leadTimeSource: lead.source,
    reviewPeriodDays,
    coverageDays,
    serviceLevel: serviceLevelFor(settings, input.abcClass),
    packSize,
    moq,
  };
  const forecast = input.forecast;
  if (!forecast || forecast.mean.length === 0)
    return recommendWithoutForecast(input, settings, position, base);

  const path = demandPath(forecast, input.today);
  const riskDays = lead.days + reviewPeriodDays;
  const orderDays = riskDays + coverageDays;
  const { risk, cycle, safety } = riskDemand(
    path,
    riskDays,
    orderDays,
    base.serviceLevel,
    input.salesHistory,
    settings,
  );
  const dailyDemand = orderDays > 0 ? cycle.mean / orderDays : (path.mean[0] ?? path.tailMean);
  const leadTimeDemand = Math.round(risk.mean);
  const reorderPoint = leadTimeDemand + safety;
  const cycleDemand = Math.round(cycle.mean);
  const netRequirement = cycleDemand + safety - available - onOrder;
  const orderQuantity = roundOrderQuantity(netRequirement, packSize, moq);

  const runway = runwayDays(available, path);
  const timedRunway = runwayDays(available, path, position.arrivals);
  const stockOutDate = runway === null ? null : addDays(input.today, runway);
  const attention = attentionReasons({
    input,
    settings,
    position,
    dailyDemand,
    timedRunwayDays: timedRunway,
    coverDays: runwayDays(available + onOrder, path),
    leadTimeDays: lead.days,
  });
  const decision = decideCategory({
    hasForecast: true,
    wouldOrderWithoutPOs: available < reorderPoint || (runway !== null && runway <= lead.days),
    belowReorderPoint: available + onOrder < reorderPoint,
    orderByReached: timedRunway !== null && timedRunway <= lead.days,
    onOrder,
    recommendedQuantity: orderQuantity,
    needsAttention: attention.length > 0,
  });
  // Between reviews the net requirement can be positive while stock is still above the reorder
  // point; only ORDER_TODAY carries a quantity, so nobody orders a stray 5 units.
  const ordering = decision.category === 'ORDER_TODAY';
  const recommendedQuantity = ordering ? orderQuantity : 0;
  return {
    ...base,
    ...decision,
    needsAttention: attention.length > 0,
    attentionReasons: attention,
    dailyDemand,
    runwayDays: runway,
    stockOutDate,
    orderByDate: stockOutDate === null ? null : addDays(stockOutDate, -lead.days),
    projectedStockOutDate: timedRunway === null ? null : addDays(input.today, timedRunway),
    leadTimeDemand,
    safetyStock: safety,
    reorderPoint,
    cycleDemand,
    netRequirement,
    recommendedQuantity,
    explanation: explain({
      dailyDemand,
      leadTimeDays: lead.days,
      reviewPeriodDays,
      coverageDays,
      cycleDemand,
      safetyStock: safety,
      available,
      onOrder,
      netRequirement,
      packSize,
      moq,
      recommendedQuantity,
      ...(ordering ? {} : { hold: { position: available + onOrder, reorderPoint } }),
    }),
  };
}
