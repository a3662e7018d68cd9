import { type AccountRule, accountSignal, band, fmt } from './signal.js';

const label = (a: { accountId: number; name?: string }) => a.name ?? `account ${a.accountId}`;

/** The last sync of the account failed; a success clears it (no threshold, so no hysteresis). */
export const syncFailed: AccountRule = (account, ctx, s) => {
  const last = account.lastSync;
  if (last?.status !== 'failed') return [];
  const runs = Math.max(1, last.consecutiveFailures ?? 1);
  const error = last.error ?? 'no error message';
  return [
    accountSignal(ctx, account, 'SYNC_FAILED', undefined, {
      status: 'firing',
      severity: runs >= s.syncFailedCriticalRuns ? 'critical' : 'warning',
      summary: `${label(account)}: sync failed ${runs} time(s) in a row: ${error}`,
      value: runs,
      threshold: 1,
      details: { at: last.at.toISOString(), error, consecutiveFailures: runs },
    }),
  ];
};

/** One alert per account and data type older than its limit; never synced counts as stale. */
export const dataStale: AccountRule = (account, ctx, s) =>
  account.dataAge.flatMap(({ type, ageHours, maxAgeHours }) => {
    const max = maxAgeHours ?? s.staleHours[type] ?? s.staleHours.default;
    const status = ageHours === null ? 'firing' : band(ageHours, max, max - s.staleClearHours, 'above');
    if (!status) return [];
    const critical = ageHours === null || ageHours >= max * s.staleCriticalFactor;
    return [
      accountSignal(ctx, account, 'DATA_STALE', type, {
        status,
        severity: critical ? 'critical' : 'warning',
        summary:
          ageHours === null
            ? `${label(account)}: ${type} never synced`
            : `${label(account)}: ${type} data is ${fmt(Math.round(ageHours))} h old (max ${fmt(max)} h)`,
        value: ageHours,
        threshold: max,
        details: { type, ageHours, maxAgeHours: max },
      }),
    ];
  });
