import {
  type Actor,
  type CatalogueReader,
  type Locale,
  OPEN_PO_STATUSES,
  type RecommendationStore,
  type RecommendationView,
  type StockCandidate,
} from '../../ports.js';
import { type StepRunSummary, stepIssues, withLastSync } from '../notify/step-issues.js';
import type { PurchaseOrderService } from '../purchase-orders/service.js';
import { type ActionOk, type ActionRefusal, createOrderActions, NOT_CURRENT } from './order-actions.js';

// The chat bots' view of stockpilot (bots/chat-port.ts is the contract; main.ts checks it).
// Every method is scoped by a companyId that only `identify` hands out.

type Platform = 'telegram' | 'slack';

type StoredIdentity = {
  company: { id: string; name: string; locale: Locale; timezone: string };
  user: { role: Actor['role']; approvalLimit: number | null; displayName: string | null };
};

export type ChatStore = {
  identity(platform: Platform, chatId: string, userId: string): Promise<StoredIdentity | undefined>;
  /**
   * identity and the exact hits of stockCandidates in one round trip (issue #7: every /stock asks
   * both); exact is empty when no identifier matched. Optional: without it, two round trips.
   */
  identityWithStock?(
    platform: Platform,
    chatId: string,
    userId: string,
    query: string,
  ): Promise<{ identity: StoredIdentity; exact: StockCandidate[] } | undefined>;
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
  /**
   * Exact identifier hits, else SKU or name substring hits, with their stock; empty if none. A hit
   * may carry its recommendation of the latest run, read along (null: none).
   */
  stockCandidates(companyId: string, query: string): Promise<StockCandidate[]>;
  /** One product's recommendation of the latest run, in one round trip (every /stock asks it). */
  stockRecommendation(companyId: string, productId: number): Promise<RecommendationView | null>;
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

export function createChatService(deps: {
  store: ChatStore;
  recommendations: RecommendationStore;
  catalogue: CatalogueReader;
  purchaseOrders: PurchaseOrderService;
  /** The latest run of each job of the company on a date (job_runs): /digest names failed steps. */
  stepRuns?: (companyId: string, runDate: string) => Promise<StepRunSummary[]>;
  now: () => Date;
}) {
  const latest = async (companyId: string) => {
    const date = await deps.recommendations.latestRunDate(companyId);
    return date ? { date, recs: await deps.recommendations.list(companyId, date) } : undefined;
  };
  /** A recommendation of the latest run by id: one row, not the whole run (100,000 for a large seller). */
  const findRec = async (companyId: string, id: number): Promise<RecommendationView | undefined> => {
    const date = await deps.recommendations.latestRunDate(companyId);
    return date ? (await deps.recommendations.list(companyId, date, { ids: [id] }))[0] : undefined;
  };
  const orders = createOrderActions({
    purchaseOrders: deps.purchaseOrders,
    timezone: deps.store.timezone,
    findRec,
  });

  const toIdentity = (platform: Platform, userId: string, { company, user }: StoredIdentity) => ({
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
  });
  const stockCandidates = async (companyId: string, query: string): Promise<StockCandidate[]> => {
    const found = await deps.store.stockCandidates(companyId, query);
    if (found.length > 0) return found;
    // Nothing matched: enough of the catalogue for "did you mean".
    return (await deps.catalogue.list(companyId, { limit: 500, offset: 0 })).items;
  };

  const identify = async (platform: Platform, chatId: string, userId: string) => {
    const found = await deps.store.identity(platform, chatId, userId);
    return found ? toIdentity(platform, userId, found) : null;
  };

  return {
    identify,

    async identifyForStock(platform: Platform, chatId: string, userId: string, query: string) {
      if (!deps.store.identityWithStock) {
        const identity = await identify(platform, chatId, userId);
        return identity && { identity, candidates: await stockCandidates(identity.companyId, query) };
      }
      const found = await deps.store.identityWithStock(platform, chatId, userId, query);
      if (!found) return null;
      const identity = toIdentity(platform, userId, found.identity);
      const candidates =
        found.exact.length > 0 ? found.exact : await stockCandidates(identity.companyId, query);
      return { identity, candidates };
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

    stockCandidates,

    // One product's row of the latest run, not the whole run (100,000 rows for a large seller).
    stockRecommendation: (companyId: string, productId: number) =>
      deps.store.stockRecommendation(companyId, productId),

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
      const freshness = await deps.store.freshness(companyId);
      // The same failed-step lines as the morning digest of that run date (#6).
      const failed = deps.stepRuns ? stepIssues(await deps.stepRuns(companyId, l.date)) : [];
      return {
        runDate: l.date,
        recommendations: l.recs,
        newAlerts: [],
        freshness,
        failedSteps: withLastSync(failed, freshness.syncedAt),
      };
    },

    openOrders: (companyId: string) => deps.purchaseOrders.list(companyId, OPEN_PO_STATUSES),

    ...orders,

    async snooze(
      companyId: string,
      recommendationId: number,
      actor: Actor,
      days: 1 | 7,
    ): Promise<ActionOk | ActionRefusal> {
      if (actor.role === 'viewer') return { ok: false, code: 'FORBIDDEN', message: 'Viewers cannot snooze.' };
      const rec = await findRec(companyId, recommendationId);
      if (!rec) return NOT_CURRENT;
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

    seenUpdate: (platform: Platform, updateId: string) => deps.store.seenUpdate(platform, updateId),
  };
}

export type ChatService = ReturnType<typeof createChatService>;
