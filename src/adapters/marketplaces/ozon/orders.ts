import type { OrderLine, Page, SkippedRecord } from '../../../core/marketplace/records.js';
import type { OrderFetchOptions } from '../../../ports/marketplace.js';
import { interleave } from '../interleave.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import { type OzonContext, ozonPost } from './context.js';
import { ozonPosting, ozonPostingsPage } from './dto.js';
import { mapOzonPosting } from './map.js';

type Feed = 'fbo' | 'fbs';

/** One feed over one date range; `apiCursor` is where the next page starts ('' = from the start). */
export type PostingWindow = { feed: Feed; since: string; to: string; apiCursor: string };

/**
 * `fboSince`: next run reads FBO postings created since then (v3 has no change filter, so it is
 * set `fboRereadDays` before the last run). `fbsChangedSince`: next run reads FBS postings whose
 * status changed since then (v4 `last_changed_status_date`). `resume`: a run in progress, as the
 * windows it has not finished, each at the page after the last one handed out.
 */
export type OzonOrdersCursor = {
  fboSince: string;
  fbsChangedSince: string | null;
  resume: { windows: PostingWindow[] } | null;
};

const DAY = 86_400_000;
/** RFC 3339 to the second, as Ozon's own examples (`2026-09-28T00:00:00Z`). */
const rfc3339 = (t: number) => `${new Date(t).toISOString().slice(0, 19)}Z`;

const isWindow = (w: unknown): w is PostingWindow => {
  const v = w as Record<string, unknown> | null;
  return (
    !!v &&
    (v.feed === 'fbo' || v.feed === 'fbs') &&
    typeof v.since === 'string' &&
    typeof v.to === 'string' &&
    typeof v.apiCursor === 'string'
  );
};

/** The saved cursor; a run in progress saved before windows (one feed, one range) reads as `legacy`. */
function readCursor(value: unknown): { state: OzonOrdersCursor; legacy: PostingWindow | null } | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (typeof c.fboSince !== 'string') return null;
  const r = c.resume as Record<string, unknown> | null | undefined;
  const windows = Array.isArray(r?.windows) ? r.windows.filter(isWindow) : null;
  return {
    state: {
      fboSince: c.fboSince,
      fbsChangedSince: typeof c.fbsChangedSince === 'string' ? c.fbsChangedSince : null,
      resume: windows && windows.length > 0 ? { windows } : null,
    },
    legacy:
      !windows && isWindow(r) ? { feed: r.feed, since: r.since, to: r.to, apiCursor: r.apiCursor } : null,
  };
}

/** [since, to] cut into windows of at most `days` days; neighbours share their edge second. */
export function splitRange(feed: Feed, since: number, to: number, days: number): PostingWindow[] {
  const count = Math.max(1, Math.ceil((to - since) / (days * DAY)));
  const step = (to - since) / count;
  return Array.from({ length: count }, (_, i) => ({
    feed,
    since: rfc3339(since + Math.floor(i * step)),
    to: rfc3339(i === count - 1 ? to : since + Math.floor((i + 1) * step)),
    apiCursor: '',
  }));
}

type WindowPage = {
  window: PostingWindow;
  /** Where the window goes on, or null when this was its last page. */
  apiCursor: string | null;
  records: OrderLine[];
  skipped: SkippedRecord[];
};

/**
 * Postings from `/v3/posting/fbo/list` and `/v4/posting/fbs/list` (cursor + has_next, limit ≤100).
 * A long range is cut into windows read side by side (the API pages each one sequentially, a
 * year is thousands of pages); each page carries a cursor naming every unfinished window, so a
 * crash resumes each where its saved pages end.
 */
export async function* fetchOzonOrders(
  ctx: OzonContext,
  options: OrderFetchOptions = {},
): AsyncGenerator<Page<OrderLine>> {
  const now = ctx.clock.now();
  const to = rfc3339(now);
  const fullSince = options.since ?? rfc3339(now - ctx.orderLookbackDays * DAY);
  const saved = readCursor(options.cursor);
  const state: OzonOrdersCursor = saved?.state ?? {
    fboSince: fullSince,
    fbsChangedSince: null,
    resume: null,
  };
  // Overlap: a status change stamped just before our clock's now may not be visible yet.
  const next = {
    fboSince: rfc3339(now - ctx.fboRereadDays * DAY),
    fbsChangedSince: rfc3339(now - ctx.changeOverlapMs),
  };
  // FBS with a change filter asks about a year of creation dates but gets back only the few
  // postings that changed: one window.
  const fbsWindows = () =>
    state.fbsChangedSince
      ? [{ feed: 'fbs' as const, since: rfc3339(now - 364 * DAY), to, apiCursor: '' }]
      : splitRange('fbs', Date.parse(fullSince), now, ctx.postingWindowDays);
  const legacy = saved?.legacy;
  const windows: PostingWindow[] =
    state.resume?.windows ??
    (legacy
      ? [legacy, ...(legacy.feed === 'fbo' ? fbsWindows() : [])]
      : [...splitRange('fbo', Date.parse(state.fboSince), now, ctx.postingWindowDays), ...fbsWindows()]);

  // Handed-out position of every unfinished window, by identity.
  const open = new Map(windows.map((w) => [w, w.apiCursor]));
  const maxPages = options.maxPages ?? ctx.maxPages;
  let pages = 0;

  const pagesOf = (window: PostingWindow, signal: AbortSignal) =>
    readWindow(ctx, window, state.fbsChangedSince, signal);
  for await (const page of interleave(windows, pagesOf, {
    concurrency: ctx.postingConcurrency,
    buffer: 2 * ctx.postingConcurrency,
    ...(options.signal ? { signal: options.signal } : {}),
  })) {
    if (page.apiCursor === null) open.delete(page.window);
    else open.set(page.window, page.apiCursor);
    pages += 1;
    const unfinished = [...open].map(([w, apiCursor]) => ({ ...w, apiCursor }));
    yield {
      records: page.records,
      skipped: page.skipped,
      cursor: { ...state, resume: unfinished.length > 0 ? { windows: unfinished } : null },
      hasMore: true,
    };
    if (pages >= maxPages) return;
  }
  yield {
    records: [],
    skipped: [],
    cursor: { fboSince: next.fboSince, fbsChangedSince: next.fbsChangedSince, resume: null },
    hasMore: false,
  };
}

async function* readWindow(
  ctx: OzonContext,
  window: PostingWindow,
  fbsChangedSince: string | null,
  signal: AbortSignal,
): AsyncGenerator<WindowPage> {
  const path = window.feed === 'fbo' ? '/v3/posting/fbo/list' : '/v4/posting/fbs/list';
  const scheme = window.feed === 'fbo' ? 'FBO' : 'FBS';
  let apiCursor = window.apiCursor;
  for (;;) {
    const filter: Record<string, unknown> = { since: window.since, to: window.to };
    if (window.feed === 'fbs' && fbsChangedSince) {
      filter.last_changed_status_date = { from: fbsChangedSince, to: window.to };
    }
    const body = {
      cursor: apiCursor,
      filter,
      limit: ctx.pageSizes.postings,
      sort_dir: 'ASC',
      with: { analytics_data: true, financial_data: true },
    };
    const response = await ozonPost(ctx, path, body, signal);
    const page = parseEnvelope(ozonPostingsPage, response.data, 'ozon', `POST ${path}`);
    const { valid, skipped } = validateRecords(page.postings, ozonPosting, `POST ${path}`, (row) =>
      fieldOf(row, 'posting_number'),
    );
    ctx.stats.skipped(skipped.length);
    const more = page.has_next && page.cursor !== '';
    apiCursor = page.cursor;
    yield {
      window,
      apiCursor: more ? apiCursor : null,
      records: valid.flatMap((posting) => mapOzonPosting(posting, scheme)),
      skipped,
    };
    if (!more) return;
  }
}
