import { describe, expect, it } from 'vitest';
import { dueJobs, type JobName, localClock, type RunState } from '../../src/jobs/table.js';

const times = { syncTime: '06:00', forecastTime: '07:00', procurementTime: '07:30', digestTime: '08:00' };
const runs = (entries: [JobName, RunState][]) => new Map(entries);

describe('dueJobs', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    ['05:59', [], []],
    ['06:00', [], ['sync']],
    ['06:30', [['sync', 'running']], []],
    ['07:00', [['sync', 'running']], []],
    ['07:00', [['sync', 'success']], ['forecast']],
    ['07:00', [['sync', 'failed']], ['forecast']],
    ['07:29', [['sync', 'success'], ['forecast', 'success']], []],
    ['07:30', [['sync', 'success'], ['forecast', 'failed']], ['procurement']],
    ['09:00', [], ['sync']],
    ['09:00', [['sync', 'success'], ['forecast', 'success'], ['procurement', 'success']], ['digest']],
    ['09:00', [['sync', 'success'], ['forecast', 'success'], ['procurement', 'success'], ['digest', 'success']], []],
  ] as [string, [JobName, RunState][], JobName[]][])('at %s after %j: %j', (time, done, expected) => {
    expect(dueJobs(times, time, runs(done))).toEqual(expected);
  });
});

describe('localClock', () => {
  it.each([
    ['Europe/Moscow', '2026-11-23T02:59:00Z', { date: '2026-11-23', time: '05:59' }],
    ['Asia/Almaty', '2026-11-22T23:30:00Z', { date: '2026-11-23', time: '04:30' }],
    ['America/New_York', '2026-11-23T03:00:00Z', { date: '2026-11-22', time: '22:00' }],
  ])('%s at %s', (tz, at, expected) => {
    expect(localClock(tz, new Date(at))).toEqual(expected);
  });
});
