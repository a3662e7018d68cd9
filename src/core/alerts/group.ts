import type { AlertNotification, AlertNotifications, NotificationReason } from './alert-state.js';
import { fnv1a64 } from './fingerprint.js';
import { bySeverity } from './severity.js';
import type { AlertRule, Severity } from './types.js';

/** One line of a group message, everything a template needs. */
export interface AlertMessageItem {
  kind: AlertNotification['kind'];
  reason: NotificationReason;
  fingerprint: string;
  rule: AlertRule;
  severity: Severity;
  sku?: string;
  productId?: number;
  accountId?: number;
  summary: string;
  value: number | null;
  threshold: number;
  /** With the fingerprint, the episode whose original message a resolution edits in place. */
  firstSeenAt: Date;
}

/** All of one evaluation's notifications for one company (and one chat, when routed). */
export interface AlertGroupMessage {
  companyId: string;
  target?: string;
  at: Date;
  /** Outbox deduplication key: same company, target, time and alerts → same key. */
  dedupKey: string;
  /** Highest severity among firing items and reminders; null when only resolutions. */
  highestSeverity: Severity | null;
  counts: Record<Severity, number>;
  /** New, refired, escalated and unmuted alerts; then reminders; then resolutions. */
  firing: AlertMessageItem[];
  reminders: AlertMessageItem[];
  resolved: AlertMessageItem[];
  /**
   * Set only when the message is re-rendered to edit it in place: fingerprints of `firing` and
   * `reminders` items that have resolved since it was sent (shown struck through).
   */
  struck?: readonly string[];
}

// Code-unit order, not localeCompare: the same on every machine, so keys and order are stable.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Critical → warning → info, then by SKU (account alerts, without one, first), rule, fingerprint. */
export function compareItems(a: AlertMessageItem, b: AlertMessageItem): number {
  return (
    bySeverity(a.severity, b.severity) ||
    cmp(a.sku ?? '', b.sku ?? '') ||
    cmp(a.rule, b.rule) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

function item({ kind, reason, alert: a }: AlertNotification): AlertMessageItem {
  return {
    kind,
    reason,
    fingerprint: a.fingerprint,
    rule: a.rule,
    severity: a.severity,
    ...(a.sku !== undefined ? { sku: a.sku } : {}),
    ...(a.productId !== undefined ? { productId: a.productId } : {}),
    ...(a.accountId !== undefined ? { accountId: a.accountId } : {}),
    summary: a.summary,
    value: a.value,
    threshold: a.threshold,
    firstSeenAt: a.firstSeenAt,
  };
}

/**
 * One message for everything one evaluation has to say to one company, or null when nothing.
 * The key hashes the evaluation time too: tomorrow's reminder of the same alerts is a new
 * message, while a retried send of this one is recognised by the outbox.
 */
export function groupNotifications(
  companyId: string,
  notifications: AlertNotifications,
  at: Date,
  target?: string,
): AlertGroupMessage | null {
  const firing = notifications.newlyFiring.map(item).sort(compareItems);
  const reminders = notifications.reminders.map(item).sort(compareItems);
  const resolved = notifications.resolved.map(item).sort(compareItems);
  if (firing.length + reminders.length + resolved.length === 0) return null;
  const loud = [...firing, ...reminders];
  const counts: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  for (const i of loud) counts[i.severity]++;
  const ids = [...firing, ...reminders, ...resolved]
    .map((i) => `${i.kind}:${i.reason}:${i.fingerprint}`)
    .sort(cmp)
    .join(',');
  const scope = target === undefined ? companyId : `${companyId}:${target}`;
  return {
    companyId,
    ...(target !== undefined ? { target } : {}),
    at,
    dedupKey: `alert-group:${scope}:${fnv1a64(`${at.toISOString()}|${ids}`)}`,
    highestSeverity: loud.map((i) => i.severity).sort(bySeverity)[0] ?? null,
    counts,
    firing,
    reminders,
    resolved,
  };
}
