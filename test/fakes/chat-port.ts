// An in-memory ChatPort for bot tests: two companies, bound chats and users, link codes, products,
// recommendations whose state changes once (approve, snooze, mark ordered), and a record of calls.
// It enforces what the real port must: company scope, roles, limits, and one effect per action.

import type {
  ActionResult,
  ChatIdentity,
  ChatPlatform,
  ChatPort,
  DigestData,
  LinkResult,
} from '../../bots/chat-port.js';
import type { Actor, Locale, ProductStockView, PurchaseOrder, RecommendationView } from '../../src/ports.js';

type Company = { id: string; name: string; locale: Locale; timezone: string };
type Member = { companyId: string; role: Actor['role']; approvalLimit: number | null; display: string };
type Settled = { text: string };

export type FakeChatPortSeed = {
  companies: Company[];
  chats: Record<string, string>;
  users: Record<string, Member>;
  codes: Record<string, { companyId: string; role: Actor['role'] }>;
  products: Record<string, ProductStockView[]>;
  recommendations: Record<string, RecommendationView[]>;
  orders: Record<string, PurchaseOrder[]>;
  runDate: string;
};

export function createFakeChatPort(seed: FakeChatPortSeed, now: () => Date) {
  const chats = new Map(Object.entries(seed.chats));
  const users = new Map(Object.entries(seed.users));
  const codes = new Map(Object.entries(seed.codes));
  const settled = new Map<string, Settled>();
  const seen = new Set<string>();
  const calls: { method: string; args: unknown[] }[] = [];
  let nextPo = 1042;

  const company = (id: string) => seed.companies.find((c) => c.id === id);
  const recOf = (companyId: string, id: number) =>
    (seed.recommendations[companyId] ?? []).find((r) => r.id === id);
  const key = (companyId: string, id: number) => `${companyId}:${id}`;
  const time = (c: Company) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: c.timezone, hour: '2-digit', minute: '2-digit' }).format(
      now(),
    );

  function act(
    companyId: string,
    id: number,
    actor: Actor,
    describe: (
      c: Company,
      r: RecommendationView,
    ) => { text: string; poNumber: number | null; quantity: number },
    opts: { limitQuantity?: number } = {},
  ): ActionResult {
    const c = company(companyId);
    const r = recOf(companyId, id);
    if (!c || !r) return { ok: false, code: 'NOT_FOUND', message: 'No such recommendation.' };
    if (actor.role === 'viewer') return { ok: false, code: 'FORBIDDEN', message: 'Viewers cannot act.' };
    const done = settled.get(key(companyId, id));
    if (done) return { ok: false, code: 'ALREADY_DONE', message: `Already done: ${done.text}` };
    const q = opts.limitQuantity;
    if (q !== undefined && actor.approvalLimit !== null && q * (r.unitCost ?? 0) > actor.approvalLimit)
      return { ok: false, code: 'LIMIT', message: 'Above your approval limit; an admin must approve.' };
    const result = describe(c, r);
    settled.set(key(companyId, id), { text: result.text });
    return { ok: true, ...result };
  }

  const port = {
    async identify(platform, chatId, userId) {
      calls.push({ method: 'identify', args: [platform, chatId, userId] });
      const chatCompany = chats.get(chatId);
      const member = users.get(userId);
      const c = chatCompany ? company(chatCompany) : undefined;
      if (!c || !member || member.companyId !== c.id) return null;
      const actor: Actor = {
        id: `${platform}:${userId}`,
        role: member.role,
        approvalLimit: member.approvalLimit,
        display: member.display,
      };
      return { companyId: c.id, companyName: c.name, locale: c.locale, timezone: c.timezone, actor };
    },
    // The real port does both in one round trip; here it is the two calls, recorded as such, on
    // `this` so that a test overriding stockCandidates (a slow lookup) sees it used.
    async identifyForStock(
      this: ChatPort,
      platform: ChatPlatform,
      chatId: string,
      userId: string,
      query: string,
    ): ReturnType<ChatPort['identifyForStock']> {
      const identity = await this.identify(platform, chatId, userId);
      return identity && { identity, candidates: await this.stockCandidates(identity.companyId, query) };
    },
    async link(input): Promise<LinkResult> {
      calls.push({ method: 'link', args: [input] });
      const grant = codes.get(input.code);
      const c = grant ? company(grant.companyId) : undefined;
      if (!grant || !c) return { ok: false, code: 'INVALID_CODE', message: 'That code is not valid.' };
      const bound = chats.get(input.chatId);
      if (bound && bound !== c.id)
        return { ok: false, code: 'OTHER_COMPANY', message: 'This chat belongs to another company.' };
      codes.delete(input.code);
      chats.set(input.chatId, c.id);
      users.set(input.userId, {
        companyId: c.id,
        role: grant.role,
        approvalLimit: null,
        display: input.displayName,
      });
      return { ok: true, companyName: c.name, role: grant.role, locale: c.locale };
    },
    async stockCandidates(companyId, query) {
      calls.push({ method: 'stockCandidates', args: [companyId, query] });
      return seed.products[companyId] ?? [];
    },
    async stockRecommendation(companyId, productId) {
      return (seed.recommendations[companyId] ?? []).find((r) => r.productId === productId) ?? null;
    },
    async runway(companyId, n) {
      calls.push({ method: 'runway', args: [companyId, n] });
      return seed.recommendations[companyId] ?? [];
    },
    async todaysDigest(companyId): Promise<DigestData | null> {
      calls.push({ method: 'todaysDigest', args: [companyId] });
      const recommendations = (seed.recommendations[companyId] ?? []).filter(
        (r) => !settled.has(key(companyId, r.id)),
      );
      return {
        runDate: seed.runDate,
        recommendations,
        newAlerts: [],
        freshness: { syncedAt: '2026-01-15T03:02:00Z', stale: false },
      };
    },
    async openOrders(companyId) {
      return seed.orders[companyId] ?? [];
    },
    async recommendation(companyId, id) {
      calls.push({ method: 'recommendation', args: [companyId, id] });
      const view = recOf(companyId, id);
      return view ? { view, settled: settled.get(key(companyId, id))?.text ?? null } : null;
    },
    async approve(companyId, id, actor, quantity?: number) {
      calls.push({ method: 'approve', args: [companyId, id, actor, quantity] });
      const qty = quantity ?? recOf(companyId, id)?.recommendedQty ?? 0;
      return act(
        companyId,
        id,
        actor,
        (c) => {
          const poNumber = nextPo++;
          const text = `Approved by ${actor.display} at ${time(c)} — PO-${poNumber}, ${qty} units`;
          return { text, poNumber, quantity: qty };
        },
        { limitQuantity: qty },
      );
    },
    async snooze(companyId, id, actor, days) {
      calls.push({ method: 'snooze', args: [companyId, id, actor, days] });
      return act(companyId, id, actor, (c) => ({
        text: `Snoozed for ${days} ${days === 1 ? 'day' : 'days'} by ${actor.display} at ${time(c)}`,
        poNumber: null,
        quantity: 0,
      }));
    },
    async markOrdered(companyId, id, actor, quantity?: number) {
      calls.push({ method: 'markOrdered', args: [companyId, id, actor, quantity] });
      return act(companyId, id, actor, (c, r) => {
        const poNumber = nextPo++;
        const qty = quantity ?? r.recommendedQty;
        const text = `Marked ordered by ${actor.display} at ${time(c)} — PO-${poNumber}, ${qty} units`;
        return { text, poNumber, quantity: qty };
      });
    },
    async seenUpdate(platform, updateId) {
      calls.push({ method: 'seenUpdate', args: [platform, updateId] });
      const k = `${platform}:${updateId}`;
      if (seen.has(k)) return true;
      seen.add(k);
      return false;
    },
  } satisfies ChatPort;

  const callsOf = (method: string) => calls.filter((c) => c.method === method);
  return { port, calls, callsOf, settled };
}

export type FakeChatPort = ReturnType<typeof createFakeChatPort>;
export type { ChatIdentity };
