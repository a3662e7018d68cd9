import { describeError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { ForecastRunner } from './forecast/run-forecasts.js';
import type { ProcurementRunner } from './procurement/run-procurement.js';
import type { SyncService } from './sync/sync-company.js';

export type PipelineStep = 'sync' | 'forecast' | 'procurement' | 'alerts';

/**
 * The morning for one company, step by step. A failed step is reported and the next step still
 * runs on the last good data (DESIGN.md: each step reads only what the one before it wrote).
 */
export function createPipeline(deps: {
  sync: SyncService;
  forecast: ForecastRunner;
  procurement: ProcurementRunner;
  /** Evaluated after procurement: alert rules over the day's numbers. */
  alerts?: (company: { id: string; timezone: string }, runDate: string) => Promise<unknown>;
  log: Logger;
  now: () => Date;
}) {
  return async function runPipeline(
    company: { id: string; timezone: string },
    runDate: string,
    steps: readonly PipelineStep[] = ['sync', 'forecast', 'procurement', 'alerts'],
  ) {
    const outcome: Partial<
      Record<PipelineStep, { ok: boolean; ms: number; summary?: unknown; error?: string }>
    > = {};
    for (const step of steps) {
      const started = deps.now().getTime();
      try {
        const summary =
          step === 'sync'
            ? await deps.sync.syncCompany(company.id)
            : step === 'forecast'
              ? await deps.forecast(company, runDate)
              : step === 'procurement'
                ? await deps.procurement(company.id, runDate)
                : await deps.alerts?.(company, runDate);
        outcome[step] = { ok: true, ms: deps.now().getTime() - started, summary };
      } catch (err) {
        const error = describeError(err);
        deps.log.error(
          { companyId: company.id, step, error },
          'pipeline step failed; the next step runs on the last good data',
        );
        outcome[step] = { ok: false, ms: deps.now().getTime() - started, error };
      }
    }
    return outcome;
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;
