import type { AlertCandidate, AlertRule, Severity } from './types.js';

/** Where one alert stands; `snoozed` = firing but silenced, so nobody is told. */
export type AlertStatus = 'firing' | 'resolved' | 'snoozed';

/** The stored state of one fingerprint (src/services/alerts keeps a row per fingerprint). */
export interface AlertState {
  fingerprint: string;
  rule: AlertRule;
  severity: Severity;
  state: AlertStatus;
  productId?: number;
  accountId?: number;
  sku?: string;
  summary: string;
  value: number | null;
  threshold: number;
  details: Record<string, unknown>;
  /** Start of the current firing episode; with the fingerprint it names the message to edit. */
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** null = this episode has not been announced yet (it began silenced or inhibited). */
  lastNotifiedAt: Date | null;
  /** Severity last announced, so a rise is told and a fall is not. */
  notifiedSeverity: Severity | null;
  resolvedAt: Date | null;
  snoozedUntil: Date | null;
  snoozedBy: { createdBy: string; reason: string } | null;
  /** Fingerprint of the worse alert of the same subject that mutes this one. */
  inhibitedBy: string | null;
}

/**
 * Why a notification goes out. firing: `new` (first time), `refired` (again after it resolved),
 * `escalated` (severity rose while firing), `unmuted` (its silence or inhibition ended while it
 * still fires). reminder: `repeat`. resolved: `cleared`.
 */
export type NotificationReason = 'new' | 'refired' | 'escalated' | 'unmuted' | 'repeat' | 'cleared';

export interface AlertNotification {
  kind: 'firing' | 'reminder' | 'resolved';
  reason: NotificationReason;
  alert: AlertState;
}

export interface AlertNotifications {
  newlyFiring: AlertNotification[];
  reminders: AlertNotification[];
  resolved: AlertNotification[];
}

/** Candidate fields copied onto the state at every evaluation that sees the alert. */
export function observed(
  c: AlertCandidate,
): Pick<AlertState, 'fingerprint' | 'rule' | 'severity' | 'summary' | 'value' | 'threshold' | 'details'> &
  Partial<Pick<AlertState, 'productId' | 'accountId' | 'sku'>> {
  const { fingerprint, rule, severity, summary, value, threshold, details, productId, accountId, sku } = c;
  return {
    fingerprint,
    rule,
    severity,
    summary,
    value,
    threshold,
    details,
    ...(productId !== undefined ? { productId } : {}),
    ...(accountId !== undefined ? { accountId } : {}),
    ...(sku !== undefined ? { sku } : {}),
  };
}
