// bench:chat's view of PostgreSQL's share: the CPU time of the service's backends (the server's
// pool, application_name 'stockpilot', in the bench database), read from /proc/<pid>/stat. Only when
// PostgreSQL runs on this machine and /proc is readable; null otherwise. Clock ticks are taken as
// 10 ms (CLK_TCK 100, Linux's default), so it is meaningful over a phase of seconds, not per query.
import { readFileSync } from 'node:fs';
import postgres from 'postgres';

const TICK_MS = 10;

function ticksOf(pid: number): number | null {
  try {
    // Fields after the command's closing parenthesis: state is the 1st, utime the 12th, stime the 13th.
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

export function pgCpuSampler(url: string, database: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let seen = new Map<number, number>();
  return {
    /** CPU ms the service's backends used since the last call (backends new since then count whole). */
    async sinceLast(): Promise<number | null> {
      const rows = await sql<{ pid: number }[]>`
        select pid from pg_stat_activity where datname = ${database} and application_name = 'stockpilot'`;
      const now = new Map<number, number>();
      for (const { pid } of rows) {
        const t = ticksOf(pid);
        if (t !== null && Number.isFinite(t)) now.set(pid, t);
      }
      if (rows.length > 0 && now.size === 0) return null;
      let used = 0;
      for (const [pid, t] of now) used += t - (seen.get(pid) ?? 0);
      seen = now;
      return used * TICK_MS;
    },
    close: () => sql.end(),
  };
}
