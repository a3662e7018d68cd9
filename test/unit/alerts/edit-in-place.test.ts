import { describe, expect, it } from 'vitest';
import {
  type AlertMessageItem,
  groupForEdit,
  planResolutions,
  type SentAlertGroup,
} from '../../../src/core/alerts/index.js';
import { COMPANY, hours, T0 } from './helpers.js';

// Issue #6: a resolution edits every message that listed the alert in the episode now resolved.

const item = (fingerprint: string, firstSeenAt = T0): AlertMessageItem => ({
  kind: 'firing',
  reason: 'new',
  fingerprint,
  rule: 'OUT_OF_STOCK',
  severity: 'critical',
  summary: `${fingerprint} is out`,
  value: 0,
  threshold: 0,
  firstSeenAt,
});

const sent = (key: string, fps: string[], struck: string[] = [], at = T0): SentAlertGroup => ({
  key,
  at,
  firing: fps.map((f) => item(f)),
  reminders: [],
  highestSeverity: 'critical',
  counts: { critical: fps.length, warning: 0, info: 0 },
  parts: [1],
  struck,
});

const plan = (resolved: AlertMessageItem[], groups: SentAlertGroup[]) => {
  const p = planResolutions(resolved, groups);
  return {
    edits: p.edits.map(
      (e) => `${e.group.key}: ${e.struck.join(',')} (new ${e.newly.map((n) => n.fingerprint).join(',')})`,
    ),
    unmatched: p.unmatched.map((u) => u.fingerprint),
  };
};

describe('planResolutions', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, AlertMessageItem[], SentAlertGroup[], { edits: string[]; unmatched: string[] }]>([
    ['one resolved line of a sent group', [item('a')], [sent('g1', ['a', 'b'])], { edits: ['g1: a (new a)'], unmatched: [] }],
    ['the announcement and its reminder both', [item('a')], [sent('g2', ['a'], [], hours(24)), sent('g1', ['a', 'b'])], { edits: ['g1: a (new a)', 'g2: a (new a)'], unmatched: [] }],
    ['keeps the lines resolved earlier', [item('b')], [sent('g1', ['a', 'b'], ['a'])], { edits: ['g1: a,b (new b)'], unmatched: [] }],
    ['already shown resolved: nothing to do', [item('a')], [sent('g1', ['a'], ['a'])], { edits: [], unmatched: [] }],
    ['never announced: a separate notice', [item('c')], [sent('g1', ['a'])], { edits: [], unmatched: ['c'] }],
    ['an earlier episode is not this one', [item('a', hours(48))], [sent('g1', ['a'])], { edits: [], unmatched: ['a'] }],
    ['two resolutions, one edit', [item('b'), item('a')], [sent('g1', ['a', 'b'])], { edits: ['g1: a,b (new b,a)'], unmatched: [] }],
  ])('%s', (_name, resolved, groups, expected) => {
    expect(plan(resolved, groups)).toEqual(expected);
  });
});

describe('groupForEdit', () => {
  it('is the sent group again, with the struck fingerprints and no resolutions of its own', () => {
    const g = groupForEdit(COMPANY, sent('g1', ['a', 'b']), ['a']);
    expect(g).toMatchObject({ companyId: COMPANY, dedupKey: 'g1', struck: ['a'], resolved: [], at: T0 });
    expect(g.firing.map((i) => i.fingerprint)).toEqual(['a', 'b']);
  });
});
