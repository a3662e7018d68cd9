import {
  type AccountObservation,
  type AlertContext,
  type AlertNotification,
  type AlertSettings,
  type AlertSignal,
  type AlertState,
  advanceAlerts,
  evaluateRules,
  resolveAlertSettings,
  type Silence,
  type SkuObservation,
} from '../../../src/core/alerts/index.js';

export const COMPANY = '7f3c2a10-5b1e-4c8e-9d2f-0a1b2c3d4e5f';
export const T0 = new Date('2026-03-01T07:30:00Z');
export const ctx: AlertContext = { companyId: COMPANY, now: T0 };

export const hours = (h: number, from: Date = T0) => new Date(from.getTime() + h * 3_600_000);

/** A healthy SKU: 20 days of runway, well above its reorder point, nothing late. */
export function sku(patch: Partial<SkuObservation> = {}): SkuObservation {
  return {
    productId: 1,
    sellerSku: 'TEE-RED-M',
    stock: 100,
    stock24hAgo: 105,
    onOrder: 0,
    runwayDays: 20,
    reorderPoint: 50,
    dailyDemand: 5,
    coverDays: 20,
    outOfStock: false,
    ...patch,
  };
}

export function account(patch: Partial<AccountObservation> = {}): AccountObservation {
  return {
    accountId: 7,
    name: 'WB main',
    lastSync: { status: 'success', at: T0, error: null },
    dataAge: [],
    ...patch,
  };
}

/** The signals of one rule for one SKU or account, as a table row compares them. */
export function signalsOf(
  rule: AlertSignal['rule'],
  obs: { skus?: SkuObservation[]; accounts?: AccountObservation[] },
  settings: Partial<AlertSettings> = {},
  context: AlertContext = ctx,
): AlertSignal[] {
  return evaluateRules(context, obs, resolveAlertSettings(settings)).filter((s) => s.rule === rule);
}

/** `status/severity` of the rule's single signal, or null: the short form for tables. */
export function verdict(signals: AlertSignal[]): string | null {
  const s = signals[0];
  return s ? `${s.status}/${s.severity}` : null;
}

const line = (n: AlertNotification) =>
  `${n.kind}:${n.reason}:${n.alert.rule}:${n.alert.sku ?? n.alert.accountId}`;

/**
 * Drives evaluations in sequence the way src/services/alerts will: evaluate, advance, keep the
 * states. Each step returns the notifications as short lines.
 */
export function createRunner(settings: Partial<AlertSettings> = {}) {
  const resolved = resolveAlertSettings(settings);
  let states: AlertState[] = [];
  return {
    step(
      at: Date,
      obs: { skus?: SkuObservation[]; accounts?: AccountObservation[] },
      opts: { silences?: Silence[]; scope?: ReadonlySet<AlertSignal['rule']> } = {},
    ): string[] {
      const signals = evaluateRules({ companyId: COMPANY, now: at }, obs, resolved);
      const r = advanceAlerts({
        states,
        silences: opts.silences ?? [],
        signals,
        now: at,
        settings: resolved,
        ...(opts.scope ? { scope: opts.scope } : {}),
      });
      states = r.states;
      const { newlyFiring, reminders, resolved: done } = r.notifications;
      return [...newlyFiring, ...reminders, ...done].map(line);
    },
    get states(): AlertState[] {
      return states;
    },
    state(rule: AlertSignal['rule']): AlertState | undefined {
      return states.find((s) => s.rule === rule);
    },
  };
}
