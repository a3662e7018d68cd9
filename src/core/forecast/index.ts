export { buildDailySeries, type DailyRow, type DailySeries } from './daily-series.js';
export { addDays, dateOf, dayNumber, weekdayOf } from './dates.js';
export {
  addSeries,
  type EvalAccumulator,
  type EvalSummary,
  newAccumulator,
  summarise,
} from './evaluation.js';
export { DEFAULT_HORIZON, forecastSeries } from './forecast.js';
export * from './metrics.js';
export { listModels, type ModelInfo } from './models/registry.js';
export { DEFAULT_LEVELS, quantileKey } from './quantiles.js';
export type * from './types.js';
export { MODEL_VERSION_TAG } from './version.js';
