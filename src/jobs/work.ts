import type { CompanyRecord } from '../ports.js';
import type { JobOutcome, JobWork } from './runner.js';

type Status = JobOutcome['status'];
const worst = (statuses: readonly Status[]): Status =>
  statuses.length === 0
    ? 'success'
    : statuses.every((s) => s === 'failed')
      ? 'failed'
      : statuses.every((s) => s === 'success')
        ? 'success'
        : 'partial';

/** Each job calls one service (STYLE.md rule 7); the outcome says how it went. */
export function createJobWork(deps: {
  sync: (companyId: string) => Promise<{ status: Status; name: string; errorMessage: string | null }[]>;
  forecast: (company: CompanyRecord, runDate: string) => Promise<{ products: number; failed: unknown[] }>;
  procurement: (companyId: string, runDate: string) => Promise<{ products: number; failed: unknown[] }>;
  alerts: (company: CompanyRecord, runDate: string) => Promise<unknown>;
  digest: (company: CompanyRecord, runDate: string) => Promise<{ messages: number }>;
}): JobWork {
  return {
    sync: async (company) => {
      const reports = await deps.sync(company.id);
      return {
        status: worst(reports.map((r) => r.status)),
        details: {
          accounts: reports.map((r) => ({ name: r.name, status: r.status, error: r.errorMessage })),
        },
      };
    },
    forecast: async (company, runDate) => {
      const s = await deps.forecast(company, runDate);
      return {
        status: s.failed.length === 0 ? 'success' : 'partial',
        details: { products: s.products, failed: s.failed.length },
      };
    },
    procurement: async (company, runDate) => {
      const s = await deps.procurement(company.id, runDate);
      const alerts = await deps.alerts(company, runDate);
      return {
        status: s.failed.length === 0 ? 'success' : 'partial',
        details: { products: s.products, failed: s.failed.length, alerts },
      };
    },
    digest: async (company, runDate) => {
      const d = await deps.digest(company, runDate);
      return { status: 'success', details: d };
    },
  };
}
