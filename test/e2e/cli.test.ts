import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmptyRealDatabase } from '../helpers/database.js';
import { bareEnv, runStockpilot } from '../helpers/spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'stockpilot-cli-'));
const real = await openEmptyRealDatabase();
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await real?.drop();
});
const KEY = Buffer.alloc(32, 3).toString('base64');
// Every migration drizzle-kit has written, in order: the journal is what the migrator applies.
const MIGRATIONS = (
  JSON.parse(readFileSync(new URL('../../migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
    entries: { tag: string }[];
  }
).entries.map((e) => e.tag);

describe('stockpilot CLI', { timeout: 120_000 }, () => {
  it.skipIf(!real)(
    'migrate against the real server is idempotent: the second run applies nothing',
    async () => {
      const env = bareEnv({ DATABASE_URL: real?.url ?? '', CREDENTIALS_KEY: KEY });
      const first = await runStockpilot(['migrate'], env);
      expect(first.stderr).toBe('');
      expect(MIGRATIONS.slice(0, 3)).toEqual(['0000_init', '0001_order_kind', '0002_chat_updates']);
      const n = MIGRATIONS.length;
      expect(first.stdout.trim()).toBe(`Applied ${n} of ${n} migrations: ${MIGRATIONS.join(', ')}`);
      const second = await runStockpilot(['migrate'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(`Database is up to date (${n} migrations).`);
    },
  );

  it('migrate works on the embedded database too', async () => {
    const env = bareEnv({ PGLITE_DIR: join(dir, 'pg-migrate') });
    expect((await runStockpilot(['migrate'], env)).stdout).toContain('Applied');
    expect((await runStockpilot(['migrate'], env)).stdout).toContain('up to date');
  });

  it('company add creates a company and refuses a bad time zone with a clear message', async () => {
    const env = bareEnv({ PGLITE_DIR: join(dir, 'pg-company') });
    const added = await runStockpilot(
      ['company', 'add', '--name', 'Acme Tea', '--tz', 'Asia/Almaty', '--locale', 'en'],
      env,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Added company Acme Tea \(acme-tea\)\nid: [0-9a-f-]{36}/);
    const bad = await runStockpilot(['company', 'add', '--name', 'X', '--tz', 'Mars/Olympus'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('timezone: "Mars/Olympus" is not an IANA time zone');
    const listed = await runStockpilot(['company', 'list'], env);
    expect(listed.stdout).toContain('acme-tea  Acme Tea  Asia/Almaty  en');
    const token = await runStockpilot(
      ['token', 'create', '--company', 'acme-tea', '--name', 'ci', '--scopes', 'read,write'],
      env,
    );
    expect(token.stdout).toMatch(/^Token ci \(read, write\), shown once:\nsp_[\w-]{43}$/m);
    const link = await runStockpilot(
      ['link-code', '--company', 'acme-tea', '--role', 'buyer', '--limit', '5000'],
      env,
    );
    expect(link.stdout).toMatch(
      /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\n\/link \S+ — buyer of Acme Tea, valid until /,
    );
    const badScope = await runStockpilot(
      ['token', 'create', '--company', 'acme-tea', '--name', 'x', '--scopes', 'root'],
      env,
    );
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toContain('scopes: expected some of read, write, approve, admin; got root');
  });

  it('--help lists the commands; a configuration error names the variable and exits 2', async () => {
    const help = await runStockpilot(['--help'], bareEnv());
    expect(help.stdout).toMatch(/serve[\s\S]*migrate[\s\S]*company/);
    const bad = await runStockpilot(['migrate'], bareEnv({ PORT: 'abc' }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PORT: expected a whole number');
  });
});
