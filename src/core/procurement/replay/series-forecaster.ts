import { forecastSeries } from '../../forecast/index.js';
import type { Forecaster } from './types.js';

/** The quantile levels the engine reads (see daily-spread.ts). */
const LEVELS = [0.025, 0.1, 0.5, 0.8, 0.9, 0.95, 0.975];

/**
 * The real forecaster (src/core/forecast, automatic model choice, calibrated hurdle quantiles)
 * as a replay Forecaster. It sees only the history it is given, which the replay cuts at
 * yesterday, so no decision can look at future demand.
 */
export function seriesForecaster(): Forecaster {
  return (history, firstDate, horizon) => {
    const r = forecastSeries({ units: history, firstDate, horizon, levels: LEVELS });
    return {
      mean: r.mean,
      quantiles: r.quantiles,
      metrics: { origins: r.metrics.origins, ...(r.metrics.mase === null ? {} : { mase: r.metrics.mase }) },
    };
  };
}
