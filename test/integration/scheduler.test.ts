import { afterAll, describe, expect, it } from 'vitest';
import { createLocks } from '../../src/adapters/db/locks.js';
import { insertCompany } from '../../src/adapters/db/queries/companies.js';
import { createCompanyStore, createJobQueue, createJobStore } from '../../src/adapters/db/stores.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import type { JobName } from '../../src/jobs/table.js';
import { createQueueWorker } from '../../src/jobs/worker.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';

// Several instances on one database and a fast-forwarded clock: the leader's clock queues each
// company's jobs, the instances' workers take them in turn, every job happens exactly once a day,
// and killing the instance that holds the clock (or one mid-job) hands its part over.

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
  const queue = createJobQueue(db);
  const scheduler = createScheduler({
    companies: () => companies.list(),
    queue,
    store,
    locks,
    now: () => now,
    log: silentLogger(),
  });
  const worker = createQueueWorker({
    queue,
    runner,
    company: (id) => companies.find(id),
    next: (company) => scheduler.enqueueDue(company, 'schedule'),
    instance: `i${i}`,
    now: () => now,
    log: silentLogger(),
    leaseMs: 5 * 60_000,
  });
  return { scheduler, worker, queue, tick: () => scheduler.tick(), stop: () => scheduler.stop() };
});

/** The workers take queued jobs in turn, one each, until none is left. */
async function work(alive: typeof instances) {
  for (let any = true; any; ) {
    any = false;
    for (const s of alive) any = (await s.worker.runOne()) || any;
  }
}

async function runUntil(until: string, alive: typeof instances) {
  while (now < new Date(until)) {
    now = new Date(now.getTime() + 10 * 60_000);
    for (const s of alive) await s.tick();
    await work(alive);
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
    // Any instance takes work, not only the one holding the clock.
    expect(new Set(ran.map((r) => r.split(' by ')[1])).size).toBe(Math.min(count, 2));
  });

  it('hands the clock over when the leader dies: no missed and no doubled run the next day', async () => {
    const ticks = await Promise.all(instances.map((s) => s.tick()));
    const leader = ticks.findIndex((t) => t !== 'follower');
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
    await work(instances);
    expect(ran.filter((r) => r.startsWith('2026-11-22'))).toEqual([]);
    expect(ran.filter((r) => r.startsWith('2026-11-23 msk')).map((r) => r.split(' ')[2])).toEqual([
      'sync',
      'forecast',
      'procurement',
      'digest',
    ]);
    for (const s of instances) await s.tick();
    await work(instances);
    expect(ran.filter((r) => r.startsWith('2026-11-23 msk'))).toHaveLength(4);
  });

  it('a job whose instance died mid-run is taken again once its lease runs out, and runs once', async () => {
    ran.length = 0;
    const [a, b] = [instances[0], instances[instances.length - 1]];
    if (!a || !b) throw new Error('no instances');
    const company = (await createCompanyStore(db).list()).find((c) => c.slug === 'msk');
    if (!company) throw new Error('no company');
    await a.queue.enqueue(company.id, 'sync', '2026-11-24', 'manual', now);
    // Instance a takes it, starts the run and dies.
    const taken = await a.queue.claim('i0', now, new Date(now.getTime() + 5 * 60_000));
    expect(taken).toMatchObject({ job: 'sync', runDate: '2026-11-24', attempts: 1 });
    const jobs = createJobStore(db);
    await jobs.start(company.id, 'sync', '2026-11-24', 'manual', 'i0', now);
    expect((await jobs.statesOn(company.id, '2026-11-24')).get('sync')).toBe('running');
    expect(await b.worker.runOne()).toBe(false); // still leased: nobody takes it
    now = new Date(now.getTime() + 6 * 60_000);
    expect(await b.worker.runOne()).toBe(true);
    expect(ran).toEqual([`2026-11-24 msk sync by ${instances.length - 1}`]);
    expect((await jobs.statesOn(company.id, '2026-11-24')).get('sync')).toBe('success');
    expect(await a.worker.runOne()).toBe(false);
    expect(await a.queue.enqueue(company.id, 'sync', '2026-11-24', 'manual', now)).toBe(false);
  });

  it('a job whose instances keep dying is given up after 3 attempts, and its run counts as failed', async () => {
    ran.length = 0;
    const a = instances[0];
    if (!a) throw new Error('no instances');
    const company = (await createCompanyStore(db).list()).find((c) => c.slug === 'msk');
    if (!company) throw new Error('no company');
    const jobs = createJobStore(db);
    await a.queue.enqueue(company.id, 'forecast', '2026-11-25', 'manual', now);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const taken = await a.queue.claim('i0', now, new Date(now.getTime() + 60_000));
      expect(taken?.attempts).toBe(attempt);
      await jobs.start(company.id, 'forecast', '2026-11-25', 'manual', 'i0', now);
      now = new Date(now.getTime() + 2 * 60_000);
    }
    expect(await a.worker.runOne()).toBe(false);
    expect(ran).toEqual([]);
    // Failed, not running: the next step runs on the last good data and the digest says so.
    expect((await jobs.statesOn(company.id, '2026-11-25')).get('forecast')).toBe('failed');
    for (const s of instances) await s.stop();
  });
});
