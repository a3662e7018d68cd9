import type { SkuModel } from './demo-seller.js';
import type { SimRequest, SimResponse } from './http.js';
import type { SimState } from './state.js';

const cardsMemo = new WeakMap<SimState, Map<number, SkuModel[]>>();

function cardsOf(state: SimState): Map<number, SkuModel[]> {
  let cards = cardsMemo.get(state);
  if (!cards) {
    cards = new Map();
    for (const sku of state.seller.skus) {
      const list = cards.get(sku.nmId) ?? [];
      list.push(sku);
      cards.set(sku.nmId, list);
    }
    cardsMemo.set(state, cards);
  }
  return cards;
}

function contentError(errorText: string): SimResponse {
  return { status: 400, body: { data: null, error: true, errorText, additionalErrors: null } };
}

export function renderCard(nmId: number, sizes: SkuModel[], updatedAt: number) {
  const first = sizes[0];
  return {
    nmID: nmId,
    imtID: 200_000_000 + nmId,
    nmUUID: `sim-${nmId}`,
    subjectID: 192,
    subjectName: first?.subject ?? '',
    vendorCode: first?.vendorCode ?? '',
    brand: first?.brand ?? '',
    title: first?.title ?? '',
    description: '',
    needKiz: false,
    kizMarked: false,
    photos: [],
    video: '',
    wholesale: { enabled: false, quantum: 0 },
    dimensions: { length: 30, width: 25, height: 3, weightBrutto: 0.25, isValid: true },
    characteristics: [],
    sizes: sizes.map((s) => ({ chrtID: s.chrtId, techSize: s.size, wbSize: '', skus: [s.barcode] })),
    tags: [],
    createdAt: new Date(updatedAt - 86_400_000).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
  };
}

/** The catalogue as of now: every card, its updatedAt (edits included), sorted like WB. */
export function visibleCards(state: SimState): Array<{ nmId: number; sizes: SkuModel[]; updatedAt: number }> {
  const now = state.dataNow();
  const out = [];
  for (const [nmId, sizes] of cardsOf(state)) {
    const updatedAt = state.cardUpdates.get(nmId) ?? sizes[0]?.cardUpdatedAt ?? 0;
    if (updatedAt <= now) out.push({ nmId, sizes, updatedAt });
  }
  return out.sort((a, b) => a.updatedAt - b.updatedAt || a.nmId - b.nmId);
}

export function wbCards(state: SimState, req: SimRequest): SimResponse {
  const settings = (req.body as { settings?: Record<string, unknown> } | undefined)?.settings;
  if (!settings || typeof settings !== 'object') return contentError('Request body can not be decoded');
  const cursor = (settings.cursor ?? {}) as { limit?: number; updatedAt?: string; nmID?: number };
  const limit = cursor.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return contentError('cursor.limit must be 1..100');
  const after = cursor.updatedAt ? Date.parse(cursor.updatedAt) : null;
  const afterNm = cursor.nmID ?? 0;
  const page = visibleCards(state)
    .filter((c) => after === null || c.updatedAt > after || (c.updatedAt === after && c.nmId > afterNm))
    .slice(0, limit);
  const cards = page.map((c) =>
    state.faults.corrupt(renderCard(c.nmId, c.sizes, c.updatedAt), `card:${c.nmId}`, 'sizes'),
  );
  const last = page.at(-1);
  return {
    status: 200,
    body: {
      cards,
      cursor: last
        ? { updatedAt: new Date(last.updatedAt).toISOString(), nmID: last.nmId, total: page.length }
        : { updatedAt: cursor.updatedAt ?? '', nmID: afterNm, total: 0 },
    },
  };
}
