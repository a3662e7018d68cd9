import type { DemandClass, ForecastModel } from '../types.js';
import { arima } from './arima.js';
import { croston, sba } from './croston.js';
import { holtWinters } from './holt-winters.js';
import { movingAverage } from './moving-average.js';
import { robustAverage } from './robust-average.js';
import { robustSes } from './robust-ses.js';
import { seasonalNaive } from './seasonal-naive.js';
import { ses } from './ses.js';
import { tsb } from './tsb.js';

/** An equal-weight mean of base models' forecasts (fitted separately, averaged day by day). */
export interface EnsembleSpec {
  name: string;
  members: readonly string[];
}

export const BASE_MODELS: readonly ForecastModel[] = [
  seasonalNaive,
  movingAverage(28),
  movingAverage(84),
  ses,
  holtWinters,
  croston,
  sba,
  tsb,
  arima,
  robustAverage(28),
  robustSes,
];

/** The default of the automatic choice: three decorrelated level estimators (best on the dev set). */
export const DEFAULT_MODEL = 'ens';

export const ENSEMBLES: readonly EnsembleSpec[] = [
  { name: DEFAULT_MODEL, members: ['rma28', 'rses', 'tsb'] },
];

/** Challengers of the default per demand class, in tie-break order (ARIMA only on request: slow). */
const CHALLENGERS: Record<'frequent' | 'intermittent', readonly string[]> = {
  frequent: ['rma28', 'rses', 'ses', 'ets', 'sba', 'tsb'],
  intermittent: ['rma28', 'rses', 'ses', 'croston', 'sba', 'tsb'],
};

/** The automatic choice's field: the default first, then the class's challengers. */
export function autoField(demandClass: DemandClass, withArima: boolean): string[] {
  const frequent = demandClass === 'smooth' || demandClass === 'erratic';
  const field = [DEFAULT_MODEL, ...CHALLENGERS[frequent ? 'frequent' : 'intermittent']];
  if (withArima) field.push('arima');
  return field;
}

export interface ModelInfo {
  name: string;
  description: string;
  kind: 'base' | 'ensemble';
}

/** Every model name accepted in options.models, in a stable order. */
export function listModels(): ModelInfo[] {
  return [
    ...BASE_MODELS.map((m) => ({ name: m.name, description: m.description, kind: 'base' as const })),
    ...ENSEMBLES.map((e) => ({
      name: e.name,
      description: `Mean of ${e.members.join(', ')}`,
      kind: 'ensemble' as const,
    })),
  ];
}

export function baseModel(name: string): ForecastModel | undefined {
  return BASE_MODELS.find((m) => m.name === name);
}

export function ensembleSpec(name: string): EnsembleSpec | undefined {
  return ENSEMBLES.find((e) => e.name === name);
}
