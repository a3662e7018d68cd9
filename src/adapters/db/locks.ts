import type postgres from 'postgres';
import type { Locks } from '../../ports.js';
import type { Database } from './client.js';

const LEADER = 'stockpilot:clock';

/**
 * Advisory locks on PostgreSQL. The leader lock lives on a reserved connection, so it is released
 * when the instance dies and another takes the clock. On embedded PGlite there is one process:
 * it always leads, and in-process keys keep a job from overlapping itself.
 */
export function createLocks(database: Database): Locks {
  const running = new Set<string>();
  const driver = database.driver;
  let leader: postgres.ReservedSql | undefined;

  const tryKey = async (conn: postgres.ReservedSql, key: string) =>
    (await conn`select pg_try_advisory_lock(hashtext(${key})) as ok`)[0]?.ok === true;

  return {
    async tryLead() {
      if (driver.kind === 'pglite') return true;
      if (leader) return true;
      const conn = await driver.sql.reserve();
      if (await tryKey(conn, LEADER)) {
        leader = conn;
        return true;
      }
      conn.release();
      return false;
    },
    async releaseLead() {
      if (!leader) return;
      await leader`select pg_advisory_unlock(hashtext(${LEADER}))`.catch(() => undefined);
      leader.release();
      leader = undefined;
    },
    async exclusive(key, fn) {
      if (running.has(key)) return { ran: false };
      running.add(key);
      let conn: postgres.ReservedSql | undefined;
      try {
        if (driver.kind === 'postgres') {
          conn = await driver.sql.reserve();
          if (!(await tryKey(conn, key))) return { ran: false };
        }
        return { ran: true, value: await fn() };
      } finally {
        if (conn) {
          await conn`select pg_advisory_unlock(hashtext(${key}))`.catch(() => undefined);
          conn.release();
        }
        running.delete(key);
      }
    },
  };
}
