import type { OrderLine, Page } from '../../../core/marketplace/records.js';
import type { OrderFetchOptions } from '../../../ports/marketplace.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import { type OzonContext, ozonPost } from './context.js';
import { ozonPosting, ozonPostingsPage } from './dto.js';
import { mapOzonPosting } from './map.js';

type Feed = 'fbo' | 'fbs';

/**
 * `fboSince`: next run reads FBO postings created since then (v3 has no change filter, so it is
 * set `fboRereadDays` before the last run). `fbsChangedSince`: next run reads FBS postings whose
 * status changed since then (v4 `last_changed_status_date`). `resume`: a run in progress.
 */
export type OzonOrdersCursor = {
  fboSince: string;
  fbsChangedSince: string | null;
  resume: { feed: Feed; since: string; to: string; apiCursor: string } | null;
};

const DAY = 86_400_000;
/** RFC 3339 to the second, as Ozon's own examples (`2026-09-28T00:00:00Z`). */
const rfc3339 = (t: number) => `${new Date(t).toISOString().slice(0, 19)}Z`;

function readCursor(value: unknown): OzonOrdersCursor | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (typeof c.fboSince !== 'string') return null;
  const r = c.resume as OzonOrdersCursor['resume'] | undefined;
  return {
    fboSince: c.fboSince,
    fbsChangedSince: typeof c.fbsChangedSince === 'string' ? c.fbsChangedSince : null,
    resume: r && typeof r.apiCursor === 'string' ? r : null,
  };
}

/** Postings from `/v3/posting/fbo/list` then `/v4/posting/fbs/list` (cursor + has_next, limit ≤100). */
export async function* fetchOzonOrders(
  ctx: OzonContext,
  options: OrderFetchOptions = {},
): AsyncGenerator<Page<OrderLine>> {
  const now = ctx.clock.now();
  const to = rfc3339(now);
  const yearAgo = rfc3339(now - 364 * DAY);
  const fullSince = options.since ?? rfc3339(now - ctx.orderLookbackDays * DAY);
  const saved = readCursor(options.cursor);
  const state: OzonOrdersCursor = saved ?? { fboSince: fullSince, fbsChangedSince: null, resume: null };
  // Overlap: a status change stamped just before our clock's now may not be visible yet.
  const next = {
    fboSince: rfc3339(now - ctx.fboRereadDays * DAY),
    fbsChangedSince: rfc3339(now - ctx.changeOverlapMs),
  };
  const maxPages = options.maxPages ?? ctx.maxPages;
  let pages = 0;

  const feeds: Feed[] = state.resume?.feed === 'fbs' ? ['fbs'] : ['fbo', 'fbs'];
  for (const feed of feeds) {
    const resume = state.resume?.feed === feed ? state.resume : null;
    const since =
      resume?.since ?? (feed === 'fbo' ? state.fboSince : state.fbsChangedSince ? yearAgo : fullSince);
    const windowTo = resume?.to ?? to;
    let apiCursor = resume?.apiCursor ?? '';
    const path = feed === 'fbo' ? '/v3/posting/fbo/list' : '/v4/posting/fbs/list';
    for (;;) {
      if (pages >= maxPages) return;
      const filter: Record<string, unknown> = { since, to: windowTo };
      if (feed === 'fbs' && state.fbsChangedSince) {
        filter.last_changed_status_date = { from: state.fbsChangedSince, to: windowTo };
      }
      const body = {
        cursor: apiCursor,
        filter,
        limit: ctx.pageSizes.postings,
        sort_dir: 'ASC',
        with: { analytics_data: true, financial_data: true },
      };
      const response = await ozonPost(ctx, path, body, options.signal);
      const page = parseEnvelope(ozonPostingsPage, response.data, 'ozon', `POST ${path}`);
      const { valid, skipped } = validateRecords(page.postings, ozonPosting, `POST ${path}`, (row) =>
        fieldOf(row, 'posting_number'),
      );
      ctx.stats.skipped(skipped.length);
      const more = page.has_next && page.cursor !== '';
      apiCursor = page.cursor;
      pages += 1;
      // A finished FBO feed moves fboSince on: a crash before FBS ends re-reads only the short window.
      state.resume = more ? { feed, since, to: windowTo, apiCursor } : null;
      if (feed === 'fbo' && !more) state.fboSince = next.fboSince;
      const scheme = feed === 'fbo' ? 'FBO' : 'FBS';
      yield {
        records: valid.flatMap((posting) => mapOzonPosting(posting, scheme)),
        skipped,
        cursor: { ...state, resume: state.resume ? { ...state.resume } : null },
        hasMore: true,
      };
      if (!more) break;
    }
  }
  yield {
    records: [],
    skipped: [],
    cursor: { fboSince: next.fboSince, fbsChangedSince: next.fbsChangedSince, resume: null },
    hasMore: false,
  };
}
