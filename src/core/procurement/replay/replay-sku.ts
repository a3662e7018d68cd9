import { createBurnRatePolicy } from './burn-rate-policy.js';
import { createOursPolicy } from './ours-policy.js';
import { simulate } from './simulate.js';
import type { ReplayOptions, ReplaySeries, SkuReplay } from './types.js';

const OPENING_BASIS_DAYS = 90;
/** History kept before the window, so the first forecast and the opening stock have data. */
export const MIN_HISTORY_DAYS = 28;

/**
 * Replays one SKU's last `windowDays` (fewer when the series is short: at least 28 days stay
 * history) under the policies asked for (default both) from the same opening stock: `initialCoverDays` × the mean
 * demand of the 90 days before the window (rounded up), no orders in flight.
 */
export function replaySku(series: ReplaySeries, options: ReplayOptions): SkuReplay {
  const length = series.demand.length;
  const start = Math.max(MIN_HISTORY_DAYS, length - (options.windowDays ?? 180));
  if (start >= length) {
    throw new RangeError(
      `${series.sku}: ${length} days leave nothing to replay after ${MIN_HISTORY_DAYS} of history`,
    );
  }
  const windowDays = length - start;
  const before = series.demand.slice(Math.max(0, start - OPENING_BASIS_DAYS), start);
  const meanBefore = before.reduce((s, x) => s + Math.max(0, x), 0) / before.length;
  const initialStock = Math.ceil((options.initialCoverDays ?? 30) * meanBefore);
  const reviewPeriodDays = options.reviewPeriodDays ?? 1;
  const packSize = options.packSize ?? 1;
  const moq = options.moq ?? 1;
  const common = { series, start, initialStock, leadTimeDays: options.leadTimeDays, reviewPeriodDays };
  const policies = options.policies ?? ['ours', 'burn-rate'];
  const replay: SkuReplay = { sku: series.sku, days: windowDays, initialStock };
  if (policies.includes('ours')) {
    replay.ours = simulate({
      ...common,
      policy: createOursPolicy({
        forecaster: options.forecaster,
        firstDate: series.firstDate,
        leadTimeDays: options.leadTimeDays,
        reviewPeriodDays,
        coverageDays: options.coverageDays ?? 0,
        serviceLevel: options.serviceLevel ?? 0.95,
        reforecastEveryDays: options.reforecastEveryDays ?? 1,
        packSize,
        moq,
        ...(options.settings ? { settings: options.settings } : {}),
      }),
    });
  }
  if (policies.includes('burn-rate')) {
    replay.burnRate = simulate({
      ...common,
      policy: createBurnRatePolicy({ leadTimeDays: options.leadTimeDays, packSize, moq }),
    });
  }
  return replay;
}
