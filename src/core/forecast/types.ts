/** One SKU's daily history, oldest first. */
export interface SeriesInput {
  /** Units sold per day. NaN, non-finite and negative values are treated as unknown (missing). */
  units: readonly number[];
  /** false = no stock that day: demand is censored, the day is imputed, never read as zero. */
  inStock?: readonly boolean[];
  /** Date of units[0] (YYYY-MM-DD); gives the weekday. Without it, index 0 is weekday 0. */
  firstDate?: string;
  /** Days to forecast after the last history day (default 30). */
  horizon?: number;
  /** Quantile levels in (0,1) (default DEFAULT_LEVELS). */
  levels?: readonly number[];
}

export interface ForecastOptions {
  /**
   * Field of the automatic choice (names from listModels(); unknown ones are ignored). The first is
   * the default a challenger must beat by CHALLENGE_MARGIN. Default: 'ens' then the demand class's
   * challengers.
   */
  models?: readonly string[];
  /** Rolling-origin backtest origins (default 4, each `horizon` days apart). */
  origins?: number;
  /** Let ARIMA compete in the automatic choice: 'off' (default, it is slow), 'frequent' or 'all'. */
  arima?: 'off' | 'frequent' | 'all';
  /** Also return every candidate's forecast (used by the offline evaluation). */
  includeCandidates?: boolean;
}

export type DemandClass = 'empty' | 'zero' | 'short' | 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

/** Backtest scores of a model; null when there was no backtest (short or degenerate history). */
export interface BacktestMetrics {
  /** Mean absolute scaled error over the backtest (scale: in-sample weekly seasonal naive MAE). */
  mase: number | null;
  /** Root mean squared scaled error over the backtest. */
  rmsse: number | null;
  /** (Σ forecast − Σ actual) / Σ actual over the backtest. */
  bias: number | null;
  /** Backtest origins used; 0 when the history was too short for one. */
  origins: number;
}

export interface CandidateForecast {
  mean: number[];
  quantiles: Record<string, number[]>;
  metrics: BacktestMetrics;
}

export interface ForecastResult extends CandidateForecast {
  /** Chosen model name (see listModels()), or a fallback: 'empty', 'zero', 'short-mean'. */
  model: string;
  modelVersion: string;
  demandClass: DemandClass;
  /** Every candidate's forecast, only with options.includeCandidates. */
  candidates?: Record<string, CandidateForecast>;
}

/** What a model sees at one forecast origin: history before the origin only. */
export interface FitContext {
  /** History with censored days imputed, length = origin. */
  y: Float64Array;
  /** Weekday (0..6) of y[0]. */
  dow0: number;
  /** Multiplicative weekday factors (mean 1); 0 marks a weekday that never trades. */
  profile: Float64Array;
  /** y divided by the weekday factor, trading weekdays only, in time order. */
  z: Float64Array;
}

export interface ForecastModel {
  name: string;
  description: string;
  /** Mean forecast for the `horizon` days after ctx.y (may be negative or NaN: callers validate). */
  forecast(ctx: FitContext, horizon: number): Float64Array;
}
