import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bareEnv, startServer, stop } from '../helpers/spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'stockpilot-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start with nothing configured', () => {
  it('serves health, readiness, metrics and the OpenAPI document on the embedded database, then stops on SIGTERM', async () => {
    // Only the data folder and a free port are set, so that test runs do not collide.
    const server = await startServer(bareEnv({ PGLITE_DIR: join(dir, 'pglite'), PORT: '0' }));
    try {
      const get = (path: string) => fetch(`${server.url}${path}`);
      expect((await get('/healthz')).status).toBe(200);
      expect(await (await get('/readyz')).json()).toEqual({
        status: 'ready',
        checks: { database: true, migrations: true },
      });
      expect(await (await get('/metrics')).text()).toContain('# TYPE process_cpu_user_seconds_total counter');
      const doc = (await (await get('/docs/json')).json()) as { openapi: string };
      expect(doc.openapi).toMatch(/^3\./);
    } finally {
      expect(await stop(server.child)).toBe(0);
    }
    expect(server.output()).toContain('"msg":"stopped"');
  }, 30_000);
});
