/** Never lift the forecast more than this: one freak month cannot run the order away. */
const MAX_FACTOR = 3;

/**
 * How much to lift the forecast's risk-period demand so that it is at least the rate of the
 * last `rateDays` of sales (≥ 1, at most 3). Gift-ware sales climb for months before Christmas
 * and new lines ramp up after launch; a forecast chosen on a backtest of the past lags such a
 * climb, and in the replay most units were lost on the way up. The last weeks' rate is data
 * known today, so ordering for at least that rate uses no future. Whole weeks (28 days) keep
 * the closed Saturdays' share exact. 1 when the history is shorter or the forecast is higher.
 */
export function recentLevelFactor(
  history: readonly number[],
  rateDays: number,
  riskDays: number,
  forecastRiskMean: number,
): number {
  if (rateDays <= 0 || history.length < rateDays || !(forecastRiskMean > 0)) return 1;
  let sold = 0;
  for (let i = history.length - rateDays; i < history.length; i++) {
    const x = history[i];
    if (x !== undefined && Number.isFinite(x) && x > 0) sold += x;
  }
  const recentRiskDemand = (sold / rateDays) * riskDays;
  return Math.min(MAX_FACTOR, Math.max(1, recentRiskDemand / forecastRiskMean));
}
