import {
  type AlertGroupMessage,
  type AlertRule,
  advanceAlerts,
  evaluateRules,
  routeNotifications,
  type Severity,
} from '../../core/alerts/index.js';
import type { AlertStore, Channel, Locale, NewOutboxMessage } from '../../ports.js';

export type AlertTarget = { channel: Channel; target: string; locale: Locale | null; minSeverity: Severity };

/**
 * One evaluation for a company: rules over the latest data, the Alertmanager-like state machine,
 * one grouped message per chat — states and messages committed together.
 */
export function createAlertService(deps: {
  store: AlertStore;
  targets: (companyId: string) => Promise<AlertTarget[]>;
  render: (
    channel: Channel,
    locale: Locale,
    group: AlertGroupMessage,
    company: { name: string },
  ) => Record<string, unknown>[];
  now: () => Date;
}) {
  return async function evaluateAlerts(
    company: { id: string; name: string; locale: Locale },
    runDate: string,
    scope?: readonly AlertRule[],
  ) {
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
      deps.render(t.channel, t.locale ?? company.locale, group, company).forEach((payload, part) => {
        messages.push({
          companyId: company.id,
          channel: t.channel,
          target: t.target,
          kind: 'alert-group',
          payload,
          dedupKey: `${group.dedupKey}:${part}`,
        });
      });
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
