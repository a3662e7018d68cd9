import type { CatalogueItem, Page } from '../../../core/marketplace/records.js';
import type { FetchOptions } from '../../../ports/marketplace.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import type { WbContext } from './context.js';
import { wbCard, wbCardsPage } from './dto.js';
import { mapWbCard } from './map.js';

/** Content cursor: copy of the response `cursor` (updatedAt + nmID) of the last page. */
export type WbCatalogueCursor = {
  updatedAt: string;
  nmID: number;
};

const ENDPOINT = 'POST /content/v2/get/cards/list';

function readCursor(value: unknown): WbCatalogueCursor | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  return typeof c.updatedAt === 'string' && typeof c.nmID === 'number'
    ? { updatedAt: c.updatedAt, nmID: c.nmID }
    : null;
}

/** Cards sorted by updatedAt ascending; stop when `cursor.total` < limit (README §1.7). */
export async function* listWbCatalogue(
  ctx: WbContext,
  options: FetchOptions = {},
): AsyncGenerator<Page<CatalogueItem>> {
  let cursor = readCursor(options.cursor);
  const limit = ctx.pageSizes.cards;
  const maxPages = options.maxPages ?? ctx.maxPages;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const response = await ctx.http.content.send(
      {
        method: 'POST',
        path: '/content/v2/get/cards/list',
        query: { locale: 'ru' },
        body: {
          settings: {
            sort: { ascending: true },
            filter: { withPhoto: -1 },
            cursor: cursor ? { limit, updatedAt: cursor.updatedAt, nmID: cursor.nmID } : { limit },
          },
        },
        group: 'content-cards',
        limit: ctx.limit('content-cards'),
        endpoint: ENDPOINT,
      },
      options.signal,
    );
    const page = parseEnvelope(wbCardsPage, response.data, 'wildberries', ENDPOINT);
    const { valid, skipped } = validateRecords(page.cards, wbCard, ENDPOINT, (row) => fieldOf(row, 'nmID'));
    ctx.stats.skipped(skipped.length);
    if (page.cards.length > 0 && page.cursor.updatedAt && page.cursor.nmID !== undefined) {
      cursor = { updatedAt: page.cursor.updatedAt, nmID: page.cursor.nmID };
    }
    const done = page.cursor.total < limit;
    yield { records: valid.flatMap(mapWbCard), skipped, cursor, hasMore: !done };
    if (done) return;
  }
}
