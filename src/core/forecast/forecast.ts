import { forecastAll, originCount, runBacktest } from './backtest.js';
import { classify } from './classify.js';
import { weekdayOf } from './dates.js';
import { shortHistoryForecast, varianceToMean, zeroForecast } from './fallbacks.js';
import { hurdleShape } from './hurdle.js';
import { seasonalNaiveScale } from './metrics.js';
import { autoField, listModels } from './models/registry.js';
import { prepareSeries } from './prepare.js';
import { makeContext } from './profile.js';
import { buildQuantiles, horizonDraws, normaliseLevels } from './quantiles.js';
import { pickModel, scoreBacktest } from './selection.js';
import type { CandidateForecast, ForecastOptions, ForecastResult, SeriesInput } from './types.js';
import { MODEL_VERSION_TAG } from './version.js';

export const DEFAULT_HORIZON = 30;
const DEFAULT_ORIGINS = 4;
/** Largest horizon accepted; longer requests are cut (a daily model says little beyond a year). */
const MAX_HORIZON = 366;
/** No forecast or quantile may exceed this multiple of the largest day seen. */
const CAP_FACTOR = 3;

/**
 * Forecasts one SKU: daily mean and quantiles for `horizon` days after the history, the model
 * chosen by a rolling-origin backtest on the SKU's own history (see pickModel), and that model's
 * backtest metrics. Pure and deterministic; never throws on bad values (see prepareSeries) and
 * answers empty, all-zero and short histories with documented fallbacks (see fallbacks.ts).
 */
export function forecastSeries(input: SeriesInput, options: ForecastOptions = {}): ForecastResult {
  const horizon = Math.min(
    MAX_HORIZON,
    Math.max(0, Math.floor(Number(input.horizon ?? DEFAULT_HORIZON)) || 0),
  );
  const levels = normaliseLevels(input.levels);
  const dow0 = weekdayOf(input.firstDate);
  const prep = prepareSeries(Array.isArray(input.units) ? input.units : [], input.inStock, dow0);
  const n = prep.filled.length;
  if (prep.nObserved === 0) return zeroForecast('empty', 'empty', horizon, levels);
  if (prep.nSelling === 0) return zeroForecast('zero', 'zero', horizon, levels);

  const ctx = makeContext(prep.filled, prep.observed, dow0, n);
  const { demandClass } = classify(ctx.z);
  const origins = originCount(n, Math.max(1, horizon), options.origins ?? DEFAULT_ORIGINS);
  if (origins === 0 || horizon === 0) return shortHistoryForecast(prep, ctx, horizon, levels);

  const known = new Set(listModels().map((m) => m.name));
  const frequent = demandClass === 'smooth' || demandClass === 'erratic';
  const withArima = options.arima === 'all' || (options.arima === 'frequent' && frequent);
  const requested = options.models?.filter((m) => known.has(m)) ?? [];
  const field = requested.length > 0 ? [...new Set(requested)] : autoField(demandClass, withArima);
  const bt = runBacktest(prep, dow0, field, horizon, origins);
  const scores = field.map((name) => scoreBacktest(bt, name, seasonalNaiveScale(prep.observed)));
  const best = pickModel(scores);
  const chosen = field[best] as string;

  const finals = forecastAll(ctx, options.includeCandidates ? field : [chosen], horizon);
  let cap = 0;
  for (const v of prep.observed) if (v > cap) cap = v;
  cap *= CAP_FACTOR;
  const quantileSource = {
    hurdle: hurdleShape(prep.observed, ctx.profile),
    weekdayOf: (k: number) => (dow0 + n + k) % 7,
    draw: horizonDraws(prep.observed),
    dispersion: varianceToMean(ctx.z),
    cap,
  };
  const candidate = (name: string, i: number): CandidateForecast => {
    const mean = (finals.get(name) ?? new Float64Array(horizon)).map((v) => Math.min(v, cap));
    return {
      mean: Array.from(mean),
      quantiles: buildQuantiles(mean, levels, quantileSource),
      metrics: scores[i] ?? { mase: null, rmsse: null, bias: null, origins: 0 },
    };
  };
  const result: ForecastResult = {
    ...candidate(chosen, best),
    model: chosen,
    modelVersion: MODEL_VERSION_TAG,
    demandClass,
  };
  if (options.includeCandidates) {
    result.candidates = Object.fromEntries(field.map((name, i) => [name, candidate(name, i)]));
  }
  return result;
}
