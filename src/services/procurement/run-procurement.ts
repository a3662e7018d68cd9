import { recommend } from '../../core/procurement/index.js';
import type { Logger } from '../../lib/logger.js';
import type { Category, ProcurementStore, RecommendationRecord } from '../../ports.js';
import { buildInput, settingsOf, toRecord } from './build-input.js';

export type ProcurementRunSummary = {
  runDate: string;
  products: number;
  categories: Record<Category, number>;
  failed: { sku: string; error: string }[];
  durationMs: number;
};

/**
 * Decides for every active product of a company on a run date and stores the day's
 * recommendations; running the same day again replaces them.
 */
export function createProcurementRunner(deps: { store: ProcurementStore; log: Logger; now: () => Date }) {
  return async function runProcurement(companyId: string, runDate: string): Promise<ProcurementRunSummary> {
    const started = deps.now();
    const snap = await deps.store.snapshot(companyId, runDate, { recentDays: 3 });
    const settings = settingsOf(snap.company);
    const categories: Record<Category, number> = {
      ORDER_TODAY: 0,
      ALREADY_ORDERED: 0,
      ATTENTION_REQUIRED: 0,
      NORMAL: 0,
    };
    const failed: ProcurementRunSummary['failed'] = [];
    const rows: RecommendationRecord[] = [];
    for (const product of snap.products) {
      try {
        const input = buildInput(snap, product, runDate, started, settings.outlierDays);
        const rec = recommend(input, settings);
        rows.push(toRecord(product, snap.forecasts.get(product.id)?.id ?? null, rec));
        categories[rec.category]++;
      } catch (err) {
        // One product's bad data must not cost the company its whole morning.
        failed.push({ sku: product.sellerSku, error: err instanceof Error ? err.message : String(err) });
      }
    }
    await deps.store.replace(companyId, runDate, rows);
    for (const f of failed) deps.log.warn(f, 'procurement failed for a SKU');
    const durationMs = deps.now().getTime() - started.getTime();
    deps.log.info(
      { companyId, runDate, products: rows.length, categories, failed: failed.length, durationMs },
      'recommendations stored',
    );
    return { runDate, products: rows.length, categories, failed, durationMs };
  };
}

export type ProcurementRunner = ReturnType<typeof createProcurementRunner>;
