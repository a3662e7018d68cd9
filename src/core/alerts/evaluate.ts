import { dataStale, syncFailed } from './rules/account-health.js';
import { demandOutlier } from './rules/demand-outlier.js';
import { overstock } from './rules/overstock.js';
import { poOverdue } from './rules/po-overdue.js';
import { rapidDepletion } from './rules/rapid-depletion.js';
import type { AccountRule, SkuRule } from './rules/signal.js';
import { criticalLowStock, lowStock, outOfStock } from './rules/stock-level.js';
import { type AlertSettings, defaultAlertSettings } from './settings.js';
import type { AccountObservation, AlertContext, AlertRule, AlertSignal, SkuObservation } from './types.js';

const SKU_RULES: readonly SkuRule[] = [
  outOfStock,
  criticalLowStock,
  lowStock,
  rapidDepletion,
  demandOutlier,
  overstock,
  poOverdue,
];
const ACCOUNT_RULES: readonly AccountRule[] = [syncFailed, dataStale];

/** The rules each kind of evaluation decides; pass as `scope` to the state machine. */
export const SKU_ALERT_RULES: ReadonlySet<AlertRule> = new Set<AlertRule>([
  'OUT_OF_STOCK',
  'CRITICAL_LOW_STOCK',
  'LOW_STOCK',
  'RAPID_DEPLETION',
  'DEMAND_SPIKE',
  'DEMAND_DROP',
  'OVERSTOCK',
  'PO_OVERDUE',
]);
export const ACCOUNT_ALERT_RULES: ReadonlySet<AlertRule> = new Set<AlertRule>(['SYNC_FAILED', 'DATA_STALE']);

/** Every rule over every observation, sorted by fingerprint so the output is deterministic. */
export function evaluateRules(
  ctx: AlertContext,
  observations: { skus?: readonly SkuObservation[]; accounts?: readonly AccountObservation[] },
  settings: AlertSettings = defaultAlertSettings,
): AlertSignal[] {
  const signals = [
    ...(observations.skus ?? []).flatMap((sku) => SKU_RULES.flatMap((rule) => rule(sku, ctx, settings))),
    ...(observations.accounts ?? []).flatMap((a) => ACCOUNT_RULES.flatMap((rule) => rule(a, ctx, settings))),
  ];
  return signals.sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
}
