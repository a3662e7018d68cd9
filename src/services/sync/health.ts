import type { SyncStep } from './step-report.js';

// Is each account's data fresh enough to act on? Pure: runs and a clock in, a report out.

export type RunForHealth = {
  accountId: number;
  startedAt: Date;
  status: string;
  details: Record<string, unknown>;
};

export type DataHealth = {
  dataType: SyncStep;
  lastStatus: string | null;
  lastError: string | null;
  lastSuccessAt: string | null;
  ageHours: number | null;
  stale: boolean;
};

export type AccountHealth = { accountId: number; name: string; marketplace: string; data: DataHealth[] };

const STEPS: readonly SyncStep[] = ['catalogue', 'orders', 'stock', 'supplies'];

export function assessSyncHealth(
  accounts: readonly { id: number; name: string; marketplace: string }[],
  runs: readonly RunForHealth[],
  now: Date,
  thresholds: { salesHours: number; stockHours: number },
): AccountHealth[] {
  const limit: Record<SyncStep, number> = {
    catalogue: Math.max(thresholds.salesHours, 24 * 7),
    orders: thresholds.salesHours,
    stock: thresholds.stockHours,
    supplies: thresholds.salesHours,
  };
  return accounts.map((account) => {
    const own = runs.filter((r) => r.accountId === account.id).sort((a, b) => +b.startedAt - +a.startedAt);
    const data = STEPS.map((step): DataHealth => {
      const steps = own.map(
        (r) => r.details[step] as { status?: string; error?: string; at?: string } | undefined,
      );
      const last = steps.find((s) => s !== undefined);
      const ok = steps.find((s) => s?.status === 'success' || s?.status === 'partial');
      const ageHours = ok?.at
        ? Math.round(((now.getTime() - Date.parse(ok.at)) / 3_600_000) * 10) / 10
        : null;
      return {
        dataType: step,
        lastStatus: last?.status ?? null,
        lastError: last?.error ?? null,
        lastSuccessAt: ok?.at ?? null,
        ageHours,
        stale: ageHours === null || ageHours > limit[step],
      };
    });
    return { accountId: account.id, name: account.name, marketplace: account.marketplace, data };
  });
}
