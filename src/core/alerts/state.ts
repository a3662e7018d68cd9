import {
  type AlertNotification,
  type AlertNotifications,
  type AlertState,
  type NotificationReason,
  observed,
} from './alert-state.js';
import { inhibitions } from './inhibit.js';
import { type AlertSettings, defaultAlertSettings } from './settings.js';
import { severityRank } from './severity.js';
import { activeSilence, type Silence } from './silence.js';
import type { AlertRule, AlertSignal } from './types.js';

const HOUR_MS = 3_600_000;

export interface AdvanceInput {
  /** Stored states of the company (any status). */
  states: readonly AlertState[];
  silences: readonly Silence[];
  /** This evaluation's rule output (evaluateRules). */
  signals: readonly AlertSignal[];
  now: Date;
  settings?: Pick<AlertSettings, 'repeatIntervalHours' | 'inhibitions'>;
  /**
   * Rules this evaluation decided. A firing alert of a rule outside it is left alone rather than
   * resolved: an after-sync run that looks only at accounts must not resolve every stock alert.
   */
  scope?: ReadonlySet<AlertRule>;
}

export interface AdvanceResult {
  /** Every state, changed or not, sorted by fingerprint: upsert them all. */
  states: AlertState[];
  notifications: AlertNotifications;
}

const isActive = (s: AlertState | undefined): s is AlertState => s !== undefined && s.state !== 'resolved';

/**
 * The Alertmanager-like step: stored states + silences + this evaluation's signals + now → new
 * states and what to tell people. Pure and deterministic; see README.md for the semantics.
 */
export function advanceAlerts(input: AdvanceInput): AdvanceResult {
  const { now, silences, scope } = input;
  const settings = input.settings ?? defaultAlertSettings;
  const repeatMs = settings.repeatIntervalHours * HOUR_MS;
  const stored = new Map(input.states.map((s) => [s.fingerprint, s]));
  const signals = new Map(input.signals.map((c) => [c.fingerprint, c]));
  // Firing after this evaluation: past the fire threshold, or holding inside the hysteresis band.
  const active = input.signals.filter((c) => c.status === 'firing' || isActive(stored.get(c.fingerprint)));
  const activeSet = new Set(active.map((c) => c.fingerprint));
  const muter = inhibitions(active, settings.inhibitions);

  const states: AlertState[] = [];
  const out: AlertNotifications = { newlyFiring: [], reminders: [], resolved: [] };
  const tell = (kind: AlertNotification['kind'], reason: NotificationReason, alert: AlertState) => {
    const list = kind === 'firing' ? out.newlyFiring : kind === 'reminder' ? out.reminders : out.resolved;
    list.push({ kind, reason, alert });
  };

  const fingerprints = [...new Set([...stored.keys(), ...signals.keys()])].sort();
  for (const fp of fingerprints) {
    const prev = stored.get(fp);
    const signal = signals.get(fp);
    if (signal && activeSet.has(fp)) {
      const continuing = isActive(prev);
      const base: AlertState = continuing
        ? prev
        : {
            ...observed(signal),
            state: 'firing',
            firstSeenAt: now,
            lastSeenAt: now,
            lastNotifiedAt: null,
            notifiedSeverity: null,
            resolvedAt: null,
            snoozedUntil: null,
            snoozedBy: null,
            inhibitedBy: null,
          };
      const silence = activeSilence(silences, signal, now);
      const next: AlertState = {
        ...base,
        ...observed(signal),
        state: silence ? 'snoozed' : 'firing',
        lastSeenAt: now,
        resolvedAt: null,
        snoozedUntil: silence?.until ?? null,
        snoozedBy: silence ? { createdBy: silence.createdBy, reason: silence.reason } : null,
        inhibitedBy: muter.get(fp) ?? null,
      };
      const muted = silence !== undefined || next.inhibitedBy !== null;
      const reason = muted ? null : firingReason(prev, continuing, next, now, repeatMs);
      if (reason) {
        next.lastNotifiedAt = now;
        next.notifiedSeverity = next.severity;
        tell(reason === 'repeat' ? 'reminder' : 'firing', reason, next);
      }
      states.push(next);
    } else if (isActive(prev) && !signal && (!scope || scope.has(prev.rule))) {
      const next: AlertState = {
        ...prev,
        state: 'resolved',
        resolvedAt: now,
        snoozedUntil: null,
        snoozedBy: null,
        inhibitedBy: null,
      };
      // Only what people were told about is un-told, and not while they asked for quiet.
      if (prev.lastNotifiedAt !== null && !activeSilence(silences, prev, now)) {
        next.lastNotifiedAt = now;
        tell('resolved', 'cleared', next);
      }
      states.push(next);
    } else if (prev) {
      states.push(prev);
    }
  }
  return { states, notifications: out };
}

/** Why an unmuted firing alert is told this time, or null to stay quiet (no duplicates). */
function firingReason(
  prev: AlertState | undefined,
  continuing: boolean,
  next: AlertState,
  now: Date,
  repeatMs: number,
): NotificationReason | null {
  if (!prev || !continuing) return prev ? 'refired' : 'new';
  if (prev.lastNotifiedAt === null || prev.state === 'snoozed' || prev.inhibitedBy !== null) return 'unmuted';
  if (severityRank(next.severity) > severityRank(prev.notifiedSeverity ?? next.severity)) return 'escalated';
  return now.getTime() - prev.lastNotifiedAt.getTime() >= repeatMs ? 'repeat' : null;
}
