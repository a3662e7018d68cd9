import { type DemandPath, sumOver } from './demand-path.js';
import { empiricalSumQuantile } from './empirical-risk.js';
import { recentLevelFactor } from './recent-level.js';
import { safetyStock } from './safety-stock.js';
import type { ProcurementSettings } from './settings.js';

export interface RiskDemand {
  /** Demand over lead time + review (the risk period) and over the whole order cycle. */
  risk: { mean: number; variance: number };
  cycle: { mean: number; variance: number };
  /** Whole units above the risk-period mean that the service level asks for. */
  safety: number;
}

/**
 * Demand the order must cover. From the forecast alone (no sales history given): its mean and
 * gamma-matched quantile over the risk period, as before. With the SKU's own daily sales:
 * - the forecast is lifted to at least the last weeks' sales rate (recent-level.ts);
 * - the order-up-to level of the risk period is the larger of the forecast's service-level
 *   quantile and the same quantile of the SKU's own risk-period totals over the last year
 *   (empirical-risk.ts). The replay showed the forecast's quantiles, summed as independent
 *   days, covering a two-week total only ~80% of the time on lumpy wholesale demand, against
 *   95% asked; the SKU's own totals see its lumps and last year's peak directly.
 */
export function riskDemand(
  path: DemandPath,
  riskDays: number,
  orderDays: number,
  serviceLevel: number,
  history: readonly number[] | undefined,
  settings: Pick<ProcurementSettings, 'riskHistoryDays' | 'recentLevelDays' | 'minHistoryDays'>,
): RiskDemand {
  const forecastRisk = sumOver(path, 0, riskDays);
  const forecastCycle = sumOver(path, 0, orderDays);
  const lift = history
    ? recentLevelFactor(history, settings.recentLevelDays, riskDays, forecastRisk.mean)
    : 1;
  // Scaling a demand scales its spread with it (same coefficient of variation).
  const risk = { mean: forecastRisk.mean * lift, variance: forecastRisk.variance * lift * lift };
  const cycle = { mean: forecastCycle.mean * lift, variance: forecastCycle.variance * lift * lift };
  const fromForecast = safetyStock(risk.mean, risk.variance, serviceLevel);
  const empirical =
    history && settings.riskHistoryDays > 0
      ? empiricalSumQuantile(
          history,
          riskDays,
          serviceLevel,
          settings.riskHistoryDays,
          settings.minHistoryDays,
        )
      : null;
  const fromHistory = empirical === null ? 0 : empirical - risk.mean;
  // Whole units from here on, so the explanation adds up exactly.
  const safety = Math.max(0, Math.ceil(Math.max(fromForecast, fromHistory) - 1e-9));
  return { risk, cycle, safety };
}
