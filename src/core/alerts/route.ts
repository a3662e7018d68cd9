import type { AlertNotifications } from './alert-state.js';
import { type AlertGroupMessage, groupNotifications } from './group.js';
import { atLeast } from './severity.js';
import type { Severity } from './types.js';

/** One chat of a company and the least severe alert it wants to hear about. */
export interface AlertRoute {
  /** The chat, as the notifier names it ('slack:C123', 'telegram:-100…'). */
  target: string;
  minSeverity: Severity;
}

/**
 * One group message per chat with the alerts at or above its minimum severity; a resolution is
 * routed by the alert's severity, so it reaches the chats that heard it fire. Chats with nothing
 * to hear get no message. A target listed twice keeps its most permissive minimum.
 */
export function routeNotifications(
  companyId: string,
  notifications: AlertNotifications,
  routes: readonly AlertRoute[],
  at: Date,
): AlertGroupMessage[] {
  const byTarget = new Map<string, Severity>();
  for (const r of routes) {
    const seen = byTarget.get(r.target);
    if (!seen || atLeast(seen, r.minSeverity)) byTarget.set(r.target, r.minSeverity);
  }
  const messages: AlertGroupMessage[] = [];
  for (const target of [...byTarget.keys()].sort()) {
    const min = byTarget.get(target) ?? 'critical';
    const keep = (list: AlertNotifications['newlyFiring']) =>
      list.filter((n) => atLeast(n.alert.severity, min));
    const message = groupNotifications(
      companyId,
      {
        newlyFiring: keep(notifications.newlyFiring),
        reminders: keep(notifications.reminders),
        resolved: keep(notifications.resolved),
      },
      at,
      target,
    );
    if (message) messages.push(message);
  }
  return messages;
}
