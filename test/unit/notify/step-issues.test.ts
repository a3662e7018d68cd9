import { describe, expect, it } from 'vitest';
import { type StepRunSummary, stepIssues } from '../../../src/services/notify/step-issues.js';

// Issue #6: today's failed steps, as the digest names them.

const at = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00Z`);
const run = (job: string, status: string, patch: Partial<StepRunSummary> = {}): StepRunSummary => ({
  job,
  status,
  startedAt: at('03:00'),
  finishedAt: at('03:02'),
  error: null,
  details: {},
  lastGoodAt: at('00:00'),
  ...patch,
});
const short = (runs: StepRunSummary[]) =>
  stepIssues(runs).map(
    (i) =>
      `${i.job} ${i.status} ${i.at.slice(11, 16)} ${i.error ?? '-'} ${i.lastGoodAt?.slice(11, 16) ?? '-'}`,
  );

describe('stepIssues', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, StepRunSummary[], string[]]>([
    ['nothing ran', [], []],
    ['everything succeeded', [run('sync', 'success'), run('forecast', 'success'), run('digest', 'running')], []],
    ['a failed sync with its error', [run('sync', 'failed', { error: 'UPSTREAM_401' })], ['sync failed 03:02 UPSTREAM_401 00:00']],
    ['a sync whose every account failed says why per account', [run('sync', 'failed', { details: { accounts: [{ name: 'WB', status: 'failed', error: 'HTTP 502' }, { name: 'Ozon', status: 'failed', error: 'timeout' }] } })], ['sync failed 03:02 WB: HTTP 502; Ozon: timeout 00:00']],
    ['partial, never good before', [run('forecast', 'partial', { lastGoodAt: null })], ['forecast partial 03:02 - -']],
    ['schedule order, not the order read', [run('procurement', 'failed'), run('sync', 'failed')], ['sync failed 03:02 - 00:00', 'procurement failed 03:02 - 00:00']],
    ['no finish recorded: the start time', [run('sync', 'failed', { finishedAt: null })], ['sync failed 03:00 - 00:00']],
    ['the digest itself is not a step before the digest', [run('digest', 'failed')], []],
  ])('%s', (_name, runs, expected) => {
    expect(short(runs)).toEqual(expected);
  });

  it('keeps a long error to one line of 200 characters', () => {
    const [issue] = stepIssues([run('sync', 'failed', { error: `a\n${'x'.repeat(400)}` })]);
    expect(issue?.error).toHaveLength(200);
    expect(issue?.error).not.toContain('\n');
  });
});
