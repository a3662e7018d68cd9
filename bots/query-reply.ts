// What a query command (/stock, /runway, /orders, /digest) answers, for any platform: the port
// is asked, the view is built, and the platform only renders and sends it.

import type { DigestView, MessageFor, Platform, Renderer } from '../src/adapters/render/index.js';
import type { StockCandidate } from '../src/ports.js';
import type { ChatIdentity, ChatPort } from './chat-port.js';
import {
  buildDigestView,
  buildOrdersView,
  buildRunwayView,
  buildStockReply,
  encodeAction,
  type Intent,
  lookupStock,
} from './commands/index.js';

export type QueryIntent = Extract<Intent, { kind: 'stock' | 'runway' | 'digest' | 'orders' }>;

type StockReply = ReturnType<typeof buildStockReply>;
export type QueryReply =
  | StockReply
  | { template: 'runway'; view: ReturnType<typeof buildRunwayView> }
  | { template: 'orders'; view: ReturnType<typeof buildOrdersView> }
  | { template: 'digest'; view: DigestView }
  | { template: 'notice'; view: { message: string } };

export async function queryReply(
  deps: { port: ChatPort; now: () => Date; actionTtlMs: number; signAction: (payload: string) => string },
  id: ChatIdentity,
  intent: QueryIntent,
  /** What to say when there is no digest yet, in the user's language. */
  noDigest: string,
  /** A /stock query's candidates when they were read along with the identity. */
  candidates?: StockCandidate[],
): Promise<QueryReply> {
  const { port } = deps;
  const { companyId } = id;
  switch (intent.kind) {
    case 'stock': {
      const found = lookupStock(
        intent.query,
        candidates ?? (await port.stockCandidates(companyId, intent.query)),
      );
      // Read along with the product when the port could (issue #7), else asked for.
      const recommendation =
        found.kind !== 'found'
          ? null
          : found.product.recommendation !== undefined
            ? found.product.recommendation
            : await port.stockRecommendation(companyId, found.product.id);
      return buildStockReply(intent.query, found, { timezone: id.timezone, recommendation });
    }
    case 'runway':
      return { template: 'runway', view: buildRunwayView(await port.runway(companyId, intent.n), intent.n) };
    case 'orders':
      return { template: 'orders', view: buildOrdersView(await port.openOrders(companyId)) };
    case 'digest': {
      const data = await port.todaysDigest(companyId);
      if (!data) return { template: 'notice', view: { message: noDigest } };
      const expiresAt = new Date(deps.now().getTime() + deps.actionTtlMs);
      const { failedSteps, ...rest } = data;
      const view = buildDigestView({
        companyName: id.companyName,
        timezone: id.timezone,
        ...rest,
        actionId: (kind, r) => encodeAction({ kind, recommendationId: r.id, expiresAt }, deps.signAction),
      });
      return { template: 'digest', view: { ...view, failedSteps: failedSteps ?? [] } };
    }
  }
}

/** The reply's messages on one platform (the digest split within that platform's limits). */
export function renderReply<P extends Platform>(
  renderer: Renderer,
  platform: P,
  locale: ChatIdentity['locale'],
  reply: QueryReply,
): MessageFor<P>[] {
  switch (reply.template) {
    case 'digest':
      return renderer.renderDigest(platform, locale, reply.view);
    case 'stock':
      return renderer.renderMessages(platform, locale, 'stock', reply.view);
    case 'stock-choices':
      return renderer.renderMessages(platform, locale, 'stock-choices', reply.view);
    case 'runway':
      return renderer.renderMessages(platform, locale, 'runway', reply.view);
    case 'orders':
      return renderer.renderMessages(platform, locale, 'orders', reply.view);
    case 'notice':
      return renderer.renderMessages(platform, locale, 'notice', reply.view);
  }
}
