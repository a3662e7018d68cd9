// View models the templates render. Plain data only: numbers raw, dates as ISO strings, every field
// present (null when unknown) because templates are compiled in strict mode and a missing key throws.

import type { Locale } from '../../ports.js';
import type {
  HelpView,
  NoticeView,
  OrdersView,
  RunwayView,
  StockChoicesView,
  StockView,
} from './command-views.js';

export type { HelpView, NoticeView, OrdersView, RunwayView, StockChoicesView, StockView };

export type Platform = 'slack' | 'telegram';
export type { Locale };

/** Opaque, already signed action ids (bots/commands encodeAction); rendered as button values. */
export type LineActions = {
  approve: string;
  edit: string;
  snooze1: string;
  snooze7: string;
  ordered: string;
};

export type DigestOrderLine = {
  sellerSku: string;
  name: string;
  runwayDays: number | null;
  stockOutDate: string | null;
  quantity: number;
  explanation: string;
  actions: LineActions;
};

export type DigestAttentionLine = {
  sellerSku: string;
  name: string;
  /** Reason codes (BELOW_REORDER_POINT, STALE_DATA, …): templates put them in words. */
  reasons: string[];
};

export type AlertSeverity = 'critical' | 'warning' | 'info';

export type AlertItem = {
  code: string;
  severity: AlertSeverity;
  sellerSku: string | null;
  name: string | null;
  /** A short sentence with the numbers, from the rule that fired. */
  detail: string | null;
};

export type Freshness = {
  /** Last successful sync (ISO date-time), null before the first one. */
  syncedAt: string | null;
  stale: boolean;
};

/** A step of today's pipeline that failed before the digest (issue #6). */
export type DigestFailedStep = {
  job: 'sync' | 'forecast' | 'procurement';
  /** partial: some accounts or SKUs failed, the rest is today's. */
  status: 'failed' | 'partial';
  /** When it ended (ISO date-time). */
  at: string;
  error: string | null;
  /** When the step last gave the data the figures now use (ISO date-time); null = never. */
  lastGoodAt: string | null;
};

export type DigestView = {
  companyName: string;
  runDate: string;
  timezone: string;
  /** Sorted by runway, shortest first (bots/commands buildDigestView). */
  orderToday: DigestOrderLine[];
  attention: DigestAttentionLine[];
  alreadyOrderedCount: number;
  newAlerts: AlertItem[];
  freshness: Freshness;
  /** Today's failed steps; absent = none known (the renderer shows nothing). */
  failedSteps?: DigestFailedStep[];
};

/** A line of an alert group; `resolved` when the message is edited in place after it cleared. */
export type AlertGroupItem = AlertItem & { resolved: boolean };

export type AlertGroupView = {
  companyName: string;
  severity: AlertSeverity;
  alerts: AlertGroupItem[];
  /** Alerts in the group not listed (the sender caps the list). */
  moreCount: number;
  /** How many of `alerts` have resolved since the message was sent. */
  resolvedCount: number;
};

export type ResolvedView = {
  companyName: string;
  code: string;
  sellerSku: string | null;
  name: string | null;
  firedAt: string;
  resolvedAt: string;
  timezone: string;
};

export type PoEventLine = {
  sellerSku: string;
  name: string;
  quantity: number;
  receivedQuantity: number;
};

export type PoEventView = {
  number: number;
  supplierName: string | null;
  /** Who did it, as people see them ("@anna"). */
  actor: string;
  at: string;
  timezone: string;
  lines: PoEventLine[];
  totalUnits: number;
  totalCost: number | null;
  currency: string;
  /** po-edited: the quantity that changed. */
  change: { sellerSku: string; from: number; to: number } | null;
  /** po-received: true when every line is fully received. */
  complete: boolean;
};

export type SyncFailureView = {
  companyName: string;
  marketplace: 'wildberries' | 'ozon';
  accountName: string;
  at: string;
  timezone: string;
  errorCode: string;
  message: string;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
};

export type TemplateViews = {
  digest: DigestView;
  'alert-group': AlertGroupView;
  resolved: ResolvedView;
  'po-approved': PoEventView;
  'po-edited': PoEventView;
  'po-received': PoEventView;
  'sync-failure': SyncFailureView;
  stock: StockView;
  'stock-choices': StockChoicesView;
  runway: RunwayView;
  orders: OrdersView;
  help: HelpView;
  notice: NoticeView;
};

export type TemplateName = keyof TemplateViews;
export const TEMPLATE_NAMES = Object.freeze([
  'digest',
  'alert-group',
  'resolved',
  'po-approved',
  'po-edited',
  'po-received',
  'sync-failure',
  'stock',
  'stock-choices',
  'runway',
  'orders',
  'help',
  'notice',
] as const satisfies readonly TemplateName[]);
