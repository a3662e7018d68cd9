// What the chat bots need from the rest of stockpilot, platform-neutral (Telegram now, Slack next).
// Every read and every action is scoped by companyId, which only `identify` hands out: a chat can
// never name another company. Actions are checked against stored state by the implementation, so a
// second click, a second approver or a replay gets a refusal, never a second effect.

import type { AlertItem, DigestFailedStep, Freshness } from '../src/adapters/render/index.js';
import type { Actor, Locale, PurchaseOrder, RecommendationView, StockCandidate } from '../src/ports.js';

export type ChatPlatform = 'telegram' | 'slack';

/** Who is talking, resolved from a chat and a user that are both bound to one company. */
export type ChatIdentity = {
  companyId: string;
  companyName: string;
  locale: Locale;
  timezone: string;
  /** actor.display is how people see them ("@anna"); actor.id e.g. 'telegram:714862471'. */
  actor: Actor;
};

/** A refusal the bot shows as is: `message` is plain text in the company's language. */
export type Refusal<C extends string> = { ok: false; code: C; message: string };

export type LinkResult =
  | { ok: true; companyName: string; role: Actor['role']; locale: Locale }
  | Refusal<'INVALID_CODE' | 'EXPIRED' | 'OTHER_COMPANY'>;

export type ActionRefusalCode = 'ALREADY_DONE' | 'FORBIDDEN' | 'LIMIT' | 'NOT_FOUND' | 'EXPIRED';

export type ActionResult =
  | {
      ok: true;
      /** The purchase order created or approved (null for a snooze). */
      poNumber: number | null;
      quantity: number;
      /** Plain text for the in-place update: "Approved by @anna at 09:12 — PO-1042, 156 units". */
      text: string;
    }
  | Refusal<ActionRefusalCode>;

export type RecommendationState = {
  view: RecommendationView;
  /** Already approved, ordered or snoozed: the same plain text an action returned; else null. */
  settled: string | null;
};

export type DigestData = {
  runDate: string;
  recommendations: RecommendationView[];
  newAlerts: AlertItem[];
  freshness: Freshness;
  /** Steps of that run date that failed, as the morning digest names them (absent: none known). */
  failedSteps?: DigestFailedStep[];
};

export type ChatPort = {
  /** Null when the chat or the user is not linked, or they are linked to different companies. */
  identify(platform: ChatPlatform, chatId: string, userId: string): Promise<ChatIdentity | null>;
  /**
   * identify and stockCandidates for a /stock query at once (issue #7: one round trip where the
   * store can): null when identify would be, else the identity and the candidates for its company.
   */
  identifyForStock(
    platform: ChatPlatform,
    chatId: string,
    userId: string,
    query: string,
  ): Promise<{ identity: ChatIdentity; candidates: StockCandidate[] } | null>;
  /** Binds the chat and the user to the code's company with the code's role (codes are single use). */
  link(input: {
    platform: ChatPlatform;
    chatId: string;
    userId: string;
    displayName: string;
    code: string;
  }): Promise<LinkResult>;
  /**
   * Products a /stock query could mean: exact identifier hits, SKU or name substrings, and enough
   * of the catalogue for "did you mean" (bots/commands lookupStock picks among them).
   */
  stockCandidates(companyId: string, query: string): Promise<StockCandidate[]>;
  /** The latest recommendation for one product of the company, if any. */
  stockRecommendation(companyId: string, productId: number): Promise<RecommendationView | null>;
  /** The latest run's recommendations, at least the n with the shortest runway. */
  runway(companyId: string, n: number): Promise<RecommendationView[]>;
  /** Today's digest data, or null before the first procurement run. */
  todaysDigest(companyId: string): Promise<DigestData | null>;
  openOrders(companyId: string): Promise<PurchaseOrder[]>;
  /** One recommendation of the company with whether it was already acted on; null if not theirs. */
  recommendation(companyId: string, recommendationId: number): Promise<RecommendationState | null>;
  /** Creates or approves the PO line; quantity defaults to the recommended one. */
  approve(
    companyId: string,
    recommendationId: number,
    actor: Actor,
    quantity?: number,
  ): Promise<ActionResult>;
  snooze(companyId: string, recommendationId: number, actor: Actor, days: 1 | 7): Promise<ActionResult>;
  /** Records that it was ordered outside stockpilot; quantity defaults to the recommended one. */
  markOrdered(
    companyId: string,
    recommendationId: number,
    actor: Actor,
    quantity?: number,
  ): Promise<ActionResult>;
  /** True when this update was seen before; otherwise records it (atomically) and returns false. */
  seenUpdate(platform: ChatPlatform, updateId: string): Promise<boolean>;
};
