import { afterAll, describe, expect, it } from 'vitest';
import { createLocks } from '../../src/adapters/db/locks.js';
import { insertCompany } from '../../src/adapters/db/queries/companies.js';
import { createCompanyStore, createJobStore } from '../../src/adapters/db/stores.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import type { JobName } from '../../src/jobs/table.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';

// Several instances on one database and a fast-forwarded clock: every company's jobs happen
// exactly once a day, and killing the instance that holds the clock hands it over.

const database = await openTestDatabase();
afterAll(() => database.drop());
const { db } = database;
await insertCompany(db, { name: 'Moscow Tea', slug: 'msk', timezone: 'Europe/Moscow' });
await insertCompany(db, { name: 'Almaty Mugs', slug: 'ala', timezone: 'Asia/Almaty', syncTime: '05:30' });

let now = new Date('2026-11-20T01:00:00Z');
const ran: string[] = [];
// Embedded PGlite is one process; on PostgreSQL three instances compete for the clock.
const count = database.kind === 'postgres' ? 3 : 1;
const instances = Array.from({ length: count }, (_, i) => {
  const locks = createLocks(database);
  const store = createJobStore(db);
  const work = Object.fromEntries(
    (['sync', 'forecast', 'procurement', 'digest'] as JobName[]).map((job) => [
      job,
      async (company: { slug: string }, runDate: string) => {
        ran.push(`${runDate} ${company.slug} ${job} by ${i}`);
        return { status: 'success' as const };
      },
    ]),
  ) as unknown as Parameters<typeof createJobRunner>[0]['work'];
  const runner = createJobRunner({
    store,
    locks,
    work,
    instance: `i${i}`,
    now: () => now,
    log: silentLogger(),
  });
  const companies = createCompanyStore(db);
  return createScheduler({
    companies: () => companies.list(),
    runner,
    store,
    locks,
    now: () => now,
    log: silentLogger(),
  });
});

async function runUntil(until: string, alive: typeof instances) {
  while (now < new Date(until)) {
    now = new Date(now.getTime() + 10 * 60_000);
    for (const s of alive) await s.tick();
  }
}

describe(`the schedule on ${count} instance(s) (${database.label})`, () => {
  it('runs each company’s jobs once a day, in order, in its own time zone', async () => {
    await runUntil('2026-11-20T09:00:00Z', instances);
    const day1 = ran.map((r) => r.replace(/ by \d$/, ''));
    expect([...day1].sort()).toEqual(
      ['ala', 'msk']
        .flatMap((c) => ['digest', 'forecast', 'procurement', 'sync'].map((j) => `2026-11-20 ${c} ${j}`))
        .sort(),
    );
    expect(new Set(day1).size).toBe(8);
    expect(day1.filter((r) => r.startsWith('2026-11-20 msk')).map((r) => r.split(' ')[2])).toEqual([
      'sync',
      'forecast',
      'procurement',
      'digest',
    ]);
    expect(new Set(ran.map((r) => r.split(' by ')[1])).size).toBe(1);
  });

  it('hands the clock over when the leader dies: no missed and no doubled run the next day', async () => {
    const leader = Number(ran[0]?.split(' by ')[1]);
    await instances[leader]?.stop();
    const alive = instances.filter((_, i) => i !== leader || count === 1);
    ran.length = 0;
    await runUntil('2026-11-21T09:00:00Z', alive);
    expect(ran.map((r) => r.replace(/ by \d$/, '')).sort()).toEqual(
      ['ala', 'msk']
        .flatMap((c) => ['digest', 'forecast', 'procurement', 'sync'].map((j) => `2026-11-21 ${c} ${j}`))
        .sort(),
    );
    if (count > 1) expect(ran.every((r) => !r.endsWith(`by ${leader}`))).toBe(true);
  });

  it('a late start catches up today’s missed jobs once and never replays older days', async () => {
    ran.length = 0;
    now = new Date('2026-11-23T06:00:00Z');
    for (const s of instances) await s.tick();
    expect(ran.filter((r) => r.startsWith('2026-11-22'))).toEqual([]);
    expect(ran.filter((r) => r.startsWith('2026-11-23 msk')).map((r) => r.split(' ')[2])).toEqual([
      'sync',
      'forecast',
      'procurement',
      'digest',
    ]);
    for (const s of instances) await s.tick();
    expect(ran.filter((r) => r.startsWith('2026-11-23 msk'))).toHaveLength(4);
    for (const s of instances) await s.stop();
  });
});
