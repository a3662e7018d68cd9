import type { JsonValue, Page } from '../../core/marketplace/records.js';
import { describeError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { MarketplaceClient } from '../../ports/marketplace.js';
import type { Marketplace, SyncStore } from '../../ports.js';
import { catalogueRow, createProductIndex, type ProductIndex } from './identity.js';
import { orderRow, placeholderProduct, stockRow, supplyRow } from './map-records.js';
import {
  noteSkipped,
  STEPS,
  type StepReport,
  type SyncReport,
  type SyncStep,
  summarise,
  unmatched,
} from './step-report.js';

// Ozon accepts a range of at most a year; WB keeps 90 days whatever is asked.
const FULL_HISTORY_MS = 364 * 86_400_000;
const BATCH_ROWS = 10_000;
/**
 * A long orders step sums daily_sales on the way, each time this many lines have landed, beside
 * the fetching (one refresh at a time); the step still ends with a refresh that takes the rest.
 * A first sync of a year is otherwise followed by one long refresh with the fetching done.
 */
const REFRESH_EVERY_ROWS = 200_000;

type Account = { id: number; companyId: string; marketplace: Marketplace };

type SaveContext = {
  account: Account;
  index: ProductIndex;
  takenAt: Date;
  runId: number;
  report: StepReport;
  log: Logger;
};

/** The pages of one step not written yet: taken as they arrive, saved as one transaction. */
type PendingBatch = {
  readonly size: number;
  take(page: Page<unknown>): Promise<void>;
  save(): Promise<number>;
};

/** catalogue → orders → stock → supplies for one account; each page and its cursor in one transaction. */
export function createAccountSync(deps: { store: SyncStore; log: Logger; now: () => Date }) {
  const { store } = deps;

  return async function syncAccount(
    account: Account,
    client: MarketplaceClient,
    opts: { full?: boolean; onPage?: (step: SyncStep, report: StepReport) => void } = {},
  ): Promise<SyncReport> {
    const started = deps.now();
    const log = deps.log.child({
      companyId: account.companyId,
      accountId: account.id,
      marketplace: account.marketplace,
    });
    const cursors = opts.full ? {} : await store.cursors(account.companyId, account.id);
    const runId = await store.startRun(
      account.companyId,
      account.id,
      opts.full ? 'full' : 'incremental',
      started,
    );
    const index = createProductIndex(await store.identities(account.companyId));
    const steps = {} as Record<SyncStep, StepReport>;

    for (const step of STEPS) {
      const report: StepReport = {
        status: 'success',
        pages: 0,
        processed: 0,
        written: 0,
        skipped: 0,
        skippedSamples: [],
        at: '',
      };
      steps[step] = report;
      const cursor = (cursors[step] ?? null) as JsonValue | null;
      try {
        const pages = pagesOf(step, client, cursor);
        const takenAt = deps.now();
        let complete = false;
        // Pages are written in batches: fewer, larger transactions, each with the cursor of its last
        // page. One batch is written while the next is fetched; writes stay in order.
        const ctx = { account, index, takenAt, runId, report, log };
        let batch: PendingBatch | undefined;
        let writing: Promise<void> = Promise.resolve();
        const early = step === 'orders' ? earlyRefresh(account, report, log) : undefined;
        const flush = async () => {
          if (!batch) return;
          const full = batch;
          batch = undefined;
          await writing;
          writing = full.save().then((n) => {
            report.written += n;
            early?.landed(n);
            opts.onPage?.(step, report);
          });
          // Its failure is taken up by the next flush or at the end of the step.
          writing.catch(() => {});
        };
        try {
          for await (const page of pages) {
            report.pages++;
            report.processed += page.records.length + page.skipped.length;
            noteSkipped(report, page.skipped, log, step);
            batch ??= step === 'orders' ? orderLines(ctx) : recordBatch(step, ctx);
            await batch.take(page);
            complete = !page.hasMore;
            if (batch.size >= BATCH_ROWS) await flush();
          }
          await flush();
        } finally {
          // A failed fetch still waits for the write in flight, so the report and the next step see it.
          await writing;
          await early?.settled();
        }
        if (step === 'stock' && complete)
          await store.closeStock(account.companyId, account.marketplace, takenAt, runId);
        if (report.skipped > 0) report.status = 'partial';
      } catch (err) {
        report.status = 'failed';
        report.error = describeError(err);
        log.warn({ step, error: report.error }, 'sync step failed');
      }
      // Even after a failure: the batches that did land (this run's or a crashed run's) are summed.
      if (step === 'orders') await refreshDailySales(account, report, log);
      report.at = deps.now().toISOString();
    }

    const result = summarise(steps, deps.now().getTime() - started.getTime());
    await store.finishRun(account.companyId, runId, result, deps.now());
    log.info(
      { runId, status: result.status, written: result.recordsUpdated, skipped: result.recordsSkipped },
      'sync finished',
    );
    return { ...result, runId, steps };
  };

  /** Refreshes daily_sales in the background as lines land; a failure leaves its keys for the next one. */
  function earlyRefresh(account: Account, report: StepReport, log: Logger) {
    let since = 0;
    let running: Promise<void> | undefined;
    return {
      landed(rows: number) {
        since += rows;
        if (since < REFRESH_EVERY_ROWS || running) return;
        since = 0;
        running = store
          .refreshDailySales(account.companyId, account.marketplace)
          .then(
            (n) => {
              report.derived = (report.derived ?? 0) + n;
            },
            (err: unknown) => log.warn({ error: describeError(err) }, 'early daily sales refresh failed'),
          )
          .finally(() => {
            running = undefined;
          });
      },
      settled: () => running,
    };
  }

  async function refreshDailySales(account: Account, report: StepReport, log: Logger) {
    try {
      report.derived =
        (report.derived ?? 0) + (await store.refreshDailySales(account.companyId, account.marketplace));
    } catch (err) {
      const error = `daily sales not recomputed: ${describeError(err)}`;
      report.error = report.error ? `${report.error}; ${error}` : error;
      if (report.status === 'success') report.status = 'partial';
      log.warn({ error }, 'daily sales refresh failed');
    }
  }

  function pagesOf(
    step: SyncStep,
    client: MarketplaceClient,
    cursor: JsonValue | null,
  ): AsyncIterable<Page<unknown>> {
    switch (step) {
      case 'catalogue':
        return client.listCatalogue({ cursor });
      case 'orders':
        // A first sync asks for everything the marketplace still keeps (WB 90 days, Ozon a year).
        return client.fetchOrders(
          cursor === null
            ? { since: new Date(deps.now().getTime() - FULL_HISTORY_MS).toISOString() }
            : { cursor },
        );
      case 'stock':
        return client.fetchStock();
      case 'supplies':
        return client.fetchSupplies({ cursor });
    }
  }

  /** Order lines go into the store's batch as their pages arrive; the pages themselves do not wait. */
  function orderLines(ctx: SaveContext): PendingBatch {
    const { account, index } = ctx;
    const lines = store.orderBatch();
    let cursor: JsonValue | null = null;
    return {
      get size() {
        return lines.size;
      },
      async take(page) {
        const records = (page as Page<Parameters<typeof orderRow>[0]>).records;
        // One lookup per line; only the lines of products created just now are looked up again.
        const ids = records.map((l) => index.forOrder(l));
        const unknown = records.filter((_, i) => ids[i] === undefined);
        if (unknown.length > 0) {
          (await store.saveCatalogue(account.companyId, unknown.map(placeholderProduct))).forEach(index.add);
          records.forEach((l, i) => {
            ids[i] ??= index.forOrder(l);
          });
        }
        records.forEach((l, i) => {
          const id = ids[i];
          if (id !== undefined) lines.add(orderRow(l, id));
        });
        cursor = page.cursor;
      },
      save: () =>
        store.saveOrders(account.companyId, account.id, account.marketplace, lines, {
          key: 'orders',
          value: cursor,
        }),
    };
  }

  /** The other steps' records, gathered as they come and written as one page. */
  function recordBatch(step: Exclude<SyncStep, 'orders'>, ctx: SaveContext): PendingBatch {
    const records: unknown[] = [];
    let last: Page<unknown> | undefined;
    return {
      get size() {
        return records.length;
      },
      async take(page) {
        for (const r of page.records) records.push(r);
        last = page;
      },
      save: async () => (last ? savePage(step, { ...last, records, skipped: [] }, ctx) : 0),
    };
  }

  async function savePage(
    step: Exclude<SyncStep, 'orders'>,
    page: Page<unknown>,
    ctx: SaveContext,
  ): Promise<number> {
    const { account, index } = ctx;
    const { companyId, marketplace } = account;
    switch (step) {
      case 'catalogue': {
        const saved = await store.saveCatalogue(
          companyId,
          (page as Page<Parameters<typeof catalogueRow>[0]>).records.map(catalogueRow),
        );
        saved.forEach(index.add);
        await store.setCursor(companyId, account.id, step, page.cursor);
        return saved.length;
      }
      case 'stock': {
        const rows = [];
        for (const level of (page as Page<Parameters<typeof stockRow>[0]>).records) {
          const id = index.forStock(level);
          if (id === undefined) {
            noteSkipped(ctx.report, [unmatched('stock', level.sku)], ctx.log, step);
            continue;
          }
          rows.push(stockRow(level, id));
        }
        return store.saveStock(companyId, marketplace, rows, ctx.takenAt, ctx.runId);
      }
      case 'supplies': {
        const rows = [];
        for (const line of (page as Page<Parameters<typeof supplyRow>[0]>).records) {
          const id = index.forSupply(line);
          if (id === undefined) {
            noteSkipped(ctx.report, [unmatched('supplies', line.sku ?? line.barcode)], ctx.log, step);
            continue;
          }
          rows.push(supplyRow(line, id));
        }
        return store.saveSupplies(companyId, account.id, marketplace, rows, {
          key: step,
          value: page.cursor,
        });
      }
    }
  }
}
