import { AppError, ConflictError, ForbiddenError } from '../../lib/errors.js';
import type {
  Actor,
  CatalogueReader,
  Locale,
  ProductStockView,
  PurchaseOrder,
  RecommendationStore,
  RecommendationView,
} from '../../ports.js';
import type { PurchaseOrderService } from '../purchase-orders/service.js';

// The chat bots' view of stockpilot (bots/chat-port.ts is the contract; main.ts checks it).
// Every method is scoped by a companyId that only `identify` hands out.

type Platform = 'telegram' | 'slack';
type Refusal<C extends string> = { ok: false; code: C; message: string };
type ActionRefusal = Refusal<'ALREADY_DONE' | 'FORBIDDEN' | 'LIMIT' | 'NOT_FOUND' | 'EXPIRED'>;
type ActionOk = { ok: true; poNumber: number | null; quantity: number; text: string };

export type ChatStore = {
  identity(
    platform: Platform,
    chatId: string,
    userId: string,
  ): Promise<
    | {
        company: { id: string; name: string; locale: Locale; timezone: string };
        user: { role: Actor['role']; approvalLimit: number | null; displayName: string | null };
      }
    | undefined
  >;
  link(input: {
    platform: Platform;
    chatId: string;
    userId: string;
    displayName: string;
    code: string;
  }): Promise<
    | { ok: true; companyName: string; role: Actor['role']; locale: Locale }
    | { ok: false; code: 'INVALID_CODE' | 'EXPIRED' | 'OTHER_COMPANY' }
  >;
  /** Exact identifier hits, else SKU or name substring hits, with their stock; empty if none. */
  stockCandidates(companyId: string, query: string): Promise<ProductStockView[]>;
  snooze(companyId: string, productId: number, actor: Actor, until: Date): Promise<void>;
  seenUpdate(platform: Platform, updateId: string): Promise<boolean>;
  freshness(companyId: string): Promise<{ syncedAt: string | null; stale: boolean }>;
  /** The company's IANA time zone: times in answers are the company's local times. */
  timezone(companyId: string): Promise<string>;
};

const LINK_MESSAGES: Record<'INVALID_CODE' | 'EXPIRED' | 'OTHER_COMPANY', Record<Locale, string>> = {
  INVALID_CODE: {
    en: 'This code is not valid or was already used. Ask your admin for a new one.',
    ru: 'Код недействителен или уже использован. Попросите администратора выдать новый.',
  },
  EXPIRED: {
    en: 'This code has expired. Ask your admin for a new one.',
    ru: 'Срок действия кода истёк. Попросите новый.',
  },
  OTHER_COMPANY: {
    en: 'This chat is already linked to another company.',
    ru: 'Этот чат уже привязан к другой компании.',
  },
};

const hhmm = (d: Date, tz: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

export function createChatService(deps: {
  store: ChatStore;
  recommendations: RecommendationStore;
  catalogue: CatalogueReader;
  purchaseOrders: PurchaseOrderService;
  now: () => Date;
}) {
  const latest = async (companyId: string) => {
    const date = await deps.recommendations.latestRunDate(companyId);
    return date ? { date, recs: await deps.recommendations.list(companyId, date) } : undefined;
  };
  const findRec = async (companyId: string, id: number): Promise<RecommendationView | undefined> =>
    (await latest(companyId))?.recs.find((r) => r.id === id);
  /** The open order that holds a product, if any: a second click finds it and gets a clear answer. */
  const openOrderFor = async (companyId: string, productId: number): Promise<PurchaseOrder | undefined> =>
    (await deps.purchaseOrders.list(companyId, ['draft', 'approved', 'sent', 'partially_received'])).find(
      (po) => po.lines.some((l) => l.productId === productId),
    );
  /** A draft for one SKU, or undefined when another click's order got there first. */
  const draftOnce = async (companyId: string, runDate: string, actor: Actor, productId: number) => {
    try {
      return (await deps.purchaseOrders.draftFromRecommendations(companyId, runDate, actor, [productId]))[0];
    } catch (err) {
      if (err instanceof ConflictError) return undefined;
      throw err;
    }
  };
  /** Lost a race (a conflict): answer with what the winner did, as a second click would see it. */
  const settledBySomeoneElse = async (
    err: unknown,
    companyId: string,
    productId: number,
  ): Promise<ActionRefusal | undefined> => {
    if (!(err instanceof ConflictError)) return undefined;
    const po = await openOrderFor(companyId, productId);
    const text = po ? await settled(companyId, po) : null;
    return text ? { ok: false, code: 'ALREADY_DONE', message: text } : undefined;
  };
  const refusal = (err: unknown): ActionRefusal => {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ForbiddenError) {
      return { ok: false, code: /limit|unit cost/i.test(message) ? 'LIMIT' : 'FORBIDDEN', message };
    }
    if (err instanceof ConflictError) return { ok: false, code: 'ALREADY_DONE', message };
    if (err instanceof AppError && err.status === 404) return { ok: false, code: 'NOT_FOUND', message };
    throw err;
  };
  /** "Approved by @anna at 09:12 — PO-7, 25 units" (the company's local time), or null for a draft. */
  const settled = async (companyId: string, po: PurchaseOrder) =>
    po.status === 'draft' ? null : settledText(po, await deps.store.timezone(companyId));
  const settledText = (po: PurchaseOrder, tz: string) =>
    po.status === 'draft'
      ? null
      : `${po.status === 'approved' ? 'Approved' : 'Ordered'} by ${po.approvedBy ?? po.createdBy}${po.approvedAt ? ` at ${hhmm(po.approvedAt, tz)}` : ''} — PO-${po.number}, ${po.lines.reduce((n, l) => n + l.quantity, 0)} units`;

  return {
    async identify(platform: Platform, chatId: string, userId: string) {
      const found = await deps.store.identity(platform, chatId, userId);
      if (!found) return null;
      const { company, user } = found;
      return {
        companyId: company.id,
        companyName: company.name,
        locale: company.locale,
        timezone: company.timezone,
        actor: {
          id: `${platform}:${userId}`,
          role: user.role,
          approvalLimit: user.approvalLimit,
          display: user.displayName ?? `${platform}:${userId}`,
        },
      };
    },

    async link(input: {
      platform: Platform;
      chatId: string;
      userId: string;
      displayName: string;
      code: string;
    }) {
      const r = await deps.store.link(input);
      if (r.ok) return r;
      return { ok: false as const, code: r.code, message: LINK_MESSAGES[r.code].en };
    },

    async stockCandidates(companyId: string, query: string): Promise<ProductStockView[]> {
      const found = await deps.store.stockCandidates(companyId, query);
      if (found.length > 0) return found;
      // Nothing matched: enough of the catalogue for "did you mean".
      return (await deps.catalogue.list(companyId, { limit: 500, offset: 0 })).items;
    },

    // One product's row of the latest run, not the whole run (100,000 rows for a large seller).
    async stockRecommendation(companyId: string, productId: number) {
      const date = await deps.recommendations.latestRunDate(companyId);
      if (!date) return null;
      const [rec] = await deps.recommendations.list(companyId, date, { productIds: [productId] });
      return rec ?? null;
    },

    async runway(companyId: string, n: number) {
      const recs = (await latest(companyId))?.recs ?? [];
      return [...recs]
        .sort(
          (a, b) => (a.runwayDays ?? Number.POSITIVE_INFINITY) - (b.runwayDays ?? Number.POSITIVE_INFINITY),
        )
        .slice(0, Math.max(1, n));
    },

    async todaysDigest(companyId: string) {
      const l = await latest(companyId);
      if (!l) return null;
      return {
        runDate: l.date,
        recommendations: l.recs,
        newAlerts: [],
        freshness: await deps.store.freshness(companyId),
      };
    },

    openOrders: (companyId: string) =>
      deps.purchaseOrders.list(companyId, ['draft', 'approved', 'sent', 'partially_received']),

    async recommendation(companyId: string, recommendationId: number) {
      const view = await findRec(companyId, recommendationId);
      if (!view) return null;
      const po = await openOrderFor(companyId, view.productId);
      return { view, settled: po ? await settled(companyId, po) : null };
    },

    async approve(
      companyId: string,
      recommendationId: number,
      actor: Actor,
      quantity?: number,
    ): Promise<ActionOk | ActionRefusal> {
      const rec = await findRec(companyId, recommendationId);
      if (!rec) return { ok: false, code: 'NOT_FOUND', message: 'This recommendation is no longer current.' };
      try {
        // A racing click may create the draft between our look and our create: then its order is ours to find.
        let po =
          (await openOrderFor(companyId, rec.productId)) ??
          (await draftOnce(companyId, rec.runDate, actor, rec.productId)) ??
          (await openOrderFor(companyId, rec.productId));
        if (!po) return { ok: false, code: 'NOT_FOUND', message: 'Nothing to order for this SKU today.' };
        if (po.status !== 'draft') {
          return {
            ok: false,
            code: 'ALREADY_DONE',
            message: (await settled(companyId, po)) ?? 'Already ordered.',
          };
        }
        if (quantity !== undefined)
          po = await deps.purchaseOrders.editLine(companyId, po.id, rec.productId, quantity, actor);
        const approved = await deps.purchaseOrders.approve(companyId, po.id, actor);
        const units = approved.lines.find((l) => l.productId === rec.productId)?.quantity ?? 0;
        return {
          ok: true,
          poNumber: approved.number,
          quantity: units,
          text: (await settled(companyId, approved)) ?? '',
        };
      } catch (err) {
        return (await settledBySomeoneElse(err, companyId, rec.productId)) ?? refusal(err);
      }
    },

    async snooze(
      companyId: string,
      recommendationId: number,
      actor: Actor,
      days: 1 | 7,
    ): Promise<ActionOk | ActionRefusal> {
      if (actor.role === 'viewer') return { ok: false, code: 'FORBIDDEN', message: 'Viewers cannot snooze.' };
      const rec = await findRec(companyId, recommendationId);
      if (!rec) return { ok: false, code: 'NOT_FOUND', message: 'This recommendation is no longer current.' };
      await deps.store.snooze(
        companyId,
        rec.productId,
        actor,
        new Date(deps.now().getTime() + days * 86_400_000),
      );
      return {
        ok: true,
        poNumber: null,
        quantity: 0,
        text: `Snoozed by ${actor.display ?? actor.id} for ${days} day${days > 1 ? 's' : ''}`,
      };
    },

    async markOrdered(
      companyId: string,
      recommendationId: number,
      actor: Actor,
      quantity?: number,
    ): Promise<ActionOk | ActionRefusal> {
      const rec = await findRec(companyId, recommendationId);
      if (!rec) return { ok: false, code: 'NOT_FOUND', message: 'This recommendation is no longer current.' };
      const existing = await openOrderFor(companyId, rec.productId);
      if (existing && existing.status !== 'draft') {
        return {
          ok: false,
          code: 'ALREADY_DONE',
          message: (await settled(companyId, existing)) ?? 'Already ordered.',
        };
      }
      try {
        const po = await deps.purchaseOrders.recordExternal(
          companyId,
          rec.productId,
          quantity ?? rec.recommendedQty,
          actor,
          { supplierId: rec.supplierId, onlyIfNotOrdered: true },
        );
        const units = po.lines[0]?.quantity ?? 0;
        return {
          ok: true,
          poNumber: po.number,
          quantity: units,
          text: `Ordered outside by ${actor.display ?? actor.id} — PO-${po.number}, ${units} units`,
        };
      } catch (err) {
        return (await settledBySomeoneElse(err, companyId, rec.productId)) ?? refusal(err);
      }
    },

    seenUpdate: (platform: Platform, updateId: string) => deps.store.seenUpdate(platform, updateId),
  };
}

export type ChatService = ReturnType<typeof createChatService>;
