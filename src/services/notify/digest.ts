import type { Channel, Locale, NewOutboxMessage, OutboxStore, RecommendationStore } from '../../ports.js';
import { type StepIssue, type StepRunSummary, stepIssues } from './step-issues.js';

export type DigestTarget = { channel: Channel; target: string; locale: Locale | null };

/**
 * The morning digest: today's recommendations as a view, rendered per chat (platform and
 * language) and written to the outbox once per company, day and chat (the dedup key says so).
 * Today's failed steps travel with it, so people know which figures rest on older data (#6).
 */
export function createDigestService<View>(deps: {
  recommendations: RecommendationStore;
  outbox: OutboxStore;
  targets: (companyId: string) => Promise<DigestTarget[]>;
  /** The latest run of each job of the company on the date (job_runs). */
  stepRuns?: (companyId: string, runDate: string) => Promise<StepRunSummary[]>;
  buildView: (
    company: { id: string; name: string; timezone: string },
    runDate: string,
    recs: Awaited<ReturnType<RecommendationStore['list']>>,
    failedSteps: StepIssue[],
  ) => Promise<View>;
  render: (channel: Channel, locale: Locale, view: View) => Record<string, unknown>[];
}) {
  return async function enqueueDigest(
    company: { id: string; name: string; timezone: string; locale: Locale },
    runDate: string,
  ): Promise<{ targets: number; messages: number }> {
    const recs = await deps.recommendations.list(company.id, runDate);
    const failed = deps.stepRuns ? stepIssues(await deps.stepRuns(company.id, runDate)) : [];
    const view = await deps.buildView(company, runDate, recs, failed);
    const messages: NewOutboxMessage[] = [];
    for (const t of await deps.targets(company.id)) {
      deps.render(t.channel, t.locale ?? company.locale, view).forEach((payload, part) => {
        messages.push({
          companyId: company.id,
          channel: t.channel,
          target: t.target,
          kind: 'digest',
          payload,
          dedupKey: `digest:${company.id}:${runDate}:${part}`,
        });
      });
    }
    return {
      targets: new Set(messages.map((m) => `${m.channel}:${m.target}`)).size,
      messages: await deps.outbox.enqueue(messages),
    };
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
