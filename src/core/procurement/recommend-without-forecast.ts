import { attentionReasons } from './attention.js';
import { decideCategory } from './decide-category.js';
import { explainWithoutForecast } from './explain.js';
import type { ProcurementInput } from './input.js';
import type { Recommendation, RecommendationBase } from './recommendation.js';
import type { ProcurementSettings } from './settings.js';
import type { StockPosition } from './stock-position.js';

/**
 * Without a forecast no demand number can be trusted, so none is made up: the SKU goes to a
 * person (ATTENTION_REQUIRED, MISSING_FORECAST) with its stock figures and other reasons.
 */
export function recommendWithoutForecast(
  input: ProcurementInput,
  settings: ProcurementSettings,
  position: StockPosition,
  base: RecommendationBase,
): Recommendation {
  const attention = attentionReasons({
    input,
    settings,
    position,
    dailyDemand: null,
    timedRunwayDays: null,
    coverDays: null,
    leadTimeDays: base.leadTimeDays,
  });
  const decision = decideCategory({
    hasForecast: false,
    wouldOrderWithoutPOs: false,
    belowReorderPoint: false,
    orderByReached: false,
    onOrder: position.onOrder,
    recommendedQuantity: 0,
    needsAttention: true,
  });
  return {
    ...base,
    ...decision,
    needsAttention: true,
    attentionReasons: attention,
    dailyDemand: null,
    runwayDays: null,
    stockOutDate: null,
    orderByDate: null,
    projectedStockOutDate: null,
    leadTimeDemand: null,
    safetyStock: null,
    reorderPoint: null,
    cycleDemand: null,
    netRequirement: null,
    recommendedQuantity: 0,
    explanation: explainWithoutForecast(position.available, position.onOrder),
  };
}
