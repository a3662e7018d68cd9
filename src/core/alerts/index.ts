/**
 * Alert engine (pure): `evaluateRules(ctx, observations, settings)` turns SKU and account
 * observations into signals; `advanceAlerts({ states, silences, signals, now })` is the
 * Alertmanager-like state step; `groupNotifications` / `routeNotifications` build one message
 * per company (per chat) per evaluation. See README.md.
 */
export * from './alert-state.js';
export {
  groupForEdit,
  planResolutions,
  type ResolutionEdit,
  type ResolutionPlan,
  type SentAlertGroup,
} from './edit-in-place.js';
export { ACCOUNT_ALERT_RULES, evaluateRules, SKU_ALERT_RULES } from './evaluate.js';
export { type AlertSubject, alertKey, fingerprint, fnv1a64 } from './fingerprint.js';
export { type AlertGroupMessage, type AlertMessageItem, compareItems, groupNotifications } from './group.js';
export { inhibitions } from './inhibit.js';
export { type AlertRoute, routeNotifications } from './route.js';
export { pickBand } from './rules/demand-outlier.js';
export * from './settings.js';
export { atLeast, bySeverity, SEVERITIES, severityRank } from './severity.js';
export { activeSilence, type Silence, silenceActive, silenceMatches } from './silence.js';
export { type AdvanceInput, type AdvanceResult, advanceAlerts } from './state.js';
export type * from './types.js';
