import { z } from 'zod';
import { decodeCursor, encodeCursor, type SimResponse } from './http.js';
import type { OzonRoute } from './ozon-server.js';

const YEAR_MS = 365 * 86_400_000;
const bad = (message: string): SimResponse => ({ status: 400, body: { code: 3, message, details: [] } });
const time = z.string().refine((v) => !Number.isNaN(Date.parse(v)));

const body = z.object({
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(100),
  sort_dir: z.enum(['ASC', 'DESC']).optional(),
  filter: z.object({
    since: time,
    to: time,
    last_changed_status_date: z.object({ from: time, to: time }).optional(),
  }),
});

/** v3 FBO / v4 FBS posting lists: cursor + has_next, limit ≤ 100, window ≤ 1 year. */
function postings(scheme: 'fbo' | 'fbs'): OzonRoute {
  return (state, req) => {
    const parsed = body.safeParse(req.body);
    if (!parsed.success) return bad(`invalid request: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    const { filter, limit, cursor } = parsed.data;
    const since = Date.parse(filter.since);
    const to = Date.parse(filter.to);
    if (to - since > YEAR_MS) return bad('PERIOD_IS_TOO_LONG');
    const changed = filter.last_changed_status_date;
    if (scheme === 'fbo' && changed) return bad('unknown field filter.last_changed_status_date');
    const after = decodeCursor<{ at: number; pn: string }>(cursor);
    const now = state.dataNow();
    const found = [];
    const range = changed ? { from: Date.parse(changed.from), to: Date.parse(changed.to) } : null;
    for (const p of state.ozon.scan(scheme, since, to, now, after, range)) {
      found.push(p);
      if (found.length > limit) break;
    }
    const page = found.slice(0, limit);
    const last = page.at(-1);
    const hasNext = found.length > limit;
    return {
      status: 200,
      body: {
        cursor: hasNext && last ? encodeCursor({ at: last.at, pn: last.postingNumber }) : '',
        has_next: hasNext,
        postings: page.map((p) =>
          state.faults.corrupt(state.ozon.render(p, now), `posting:${p.postingNumber}`, 'products'),
        ),
      },
    };
  };
}

export const ozonPostingRoutes: Record<string, OzonRoute> = {
  '/v3/posting/fbo/list': postings('fbo'),
  '/v4/posting/fbs/list': postings('fbs'),
};
