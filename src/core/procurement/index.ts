/**
 * Procurement engine (pure): `recommend(input, settings)` decides for one SKU on one morning.
 * Policy replay (pure): `replaySku(series, options)` runs ours against the burn-rate rule over
 * a SKU's history with an injected forecaster; `summarizeReplays` pools SKUs.
 */
export * from './input.js';
export { recommend } from './recommend.js';
export * from './recommendation.js';
export { createBurnRatePolicy } from './replay/burn-rate-policy.js';
export { createOursPolicy, type OursPolicyOptions } from './replay/ours-policy.js';
export { MIN_HISTORY_DAYS, replaySku } from './replay/replay-sku.js';
export { seriesForecaster } from './replay/series-forecaster.js';
export { type SimulationSetup, simulate } from './replay/simulate.js';
export { type PolicySummary, type ReplaySummary, summarizeReplays } from './replay/summarize.js';
export type * from './replay/types.js';
export * from './settings.js';
