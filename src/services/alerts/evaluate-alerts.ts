import {
  type AlertGroupMessage,
  type AlertMessageItem,
  type AlertRule,
  advanceAlerts,
  evaluateRules,
  routeNotifications,
  type Severity,
} from '../../core/alerts/index.js';
import type { AlertStore, Channel, Locale, NewOutboxMessage } from '../../ports.js';
import { canEdit, groupMeta, resolutionMessages, type SentAlertGroups } from './in-place.js';

export type AlertTarget = { channel: Channel; target: string; locale: Locale | null; minSeverity: Severity };

type Company = { id: string; name: string; locale: Locale; timezone?: string };

/**
 * One evaluation for a company: rules over the latest data, the Alertmanager-like state machine,
 * one grouped message per chat — states and messages committed together. A resolution edits the
 * message that announced the alert where the platform allows (in-place.ts).
 */
export function createAlertService(deps: {
  store: AlertStore;
  targets: (companyId: string) => Promise<AlertTarget[]>;
  /** A group's firing and reminded alerts; `group.struck` ones shown resolved (an edit). */
  render: (
    channel: Channel,
    locale: Locale,
    group: AlertGroupMessage,
    company: { name: string },
  ) => Record<string, unknown>[];
  /** The alert-group messages a chat was sent (outbox); without it nothing is edited. */
  sent?: SentAlertGroups;
  /** A separate resolved notice, where no message can be edited; without it none is sent. */
  renderResolved?: (
    channel: Channel,
    locale: Locale,
    item: AlertMessageItem,
    company: { name: string; timezone?: string },
    resolvedAt: Date,
  ) => Record<string, unknown>[];
  now: () => Date;
}) {
  return async function evaluateAlerts(company: Company, runDate: string, scope?: readonly AlertRule[]) {
    const now = deps.now();
    const observations = await deps.store.observations(company.id, runDate, now);
    const signals = evaluateRules({ companyId: company.id, now, today: runDate }, observations);
    const result = advanceAlerts({
      states: await deps.store.states(company.id),
      silences: await deps.store.silences(company.id, now),
      signals,
      now,
      ...(scope ? { scope: new Set(scope) } : {}),
    });
    const targets = await deps.targets(company.id);
    const routes = targets.map((t) => ({ target: `${t.channel}:${t.target}`, minSeverity: t.minSeverity }));
    const messages: NewOutboxMessage[] = [];
    for (const group of routeNotifications(company.id, result.notifications, routes, now)) {
      const t = targets.find((x) => `${x.channel}:${x.target}` === group.target);
      if (!t) continue;
      const locale = t.locale ?? company.locale;
      if (group.firing.length + group.reminders.length > 0) {
        const payloads = deps.render(t.channel, locale, { ...group, resolved: [] }, company);
        payloads.forEach((payload, part) => {
          messages.push({
            companyId: company.id,
            channel: t.channel,
            target: t.target,
            kind: 'alert-group',
            payload: canEdit(t.channel)
              ? { ...payload, alertGroup: groupMeta(group, part, payloads.length) }
              : payload,
            dedupKey: `${group.dedupKey}:${part}`,
          });
        });
      }
      const { renderResolved } = deps;
      messages.push(
        ...(await resolutionMessages({
          companyId: company.id,
          target: t,
          resolved: group.resolved,
          ...(deps.sent ? { sent: deps.sent } : {}),
          render: (g) => deps.render(t.channel, locale, g, company),
          ...(renderResolved
            ? { renderNotice: (item) => renderResolved(t.channel, locale, item, company, now) }
            : {}),
        })),
      );
    }
    await deps.store.commit(company.id, result.states, messages);
    const n = result.notifications;
    return {
      signals: signals.length,
      firing: result.states.filter((s) => s.state === 'firing').length,
      notified: { firing: n.newlyFiring.length, reminders: n.reminders.length, resolved: n.resolved.length },
      messages: messages.length,
    };
  };
}

export type AlertEvaluator = ReturnType<typeof createAlertService>;
