import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bareEnv, startServer, stop } from '../helpers/spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'stockpilot-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start in demo mode', () => {
  it('syncs the demo company from the emulators, decides, and prints the morning digest to the console', async () => {
    const server = await startServer(bareEnv({ PGLITE_DIR: join(dir, 'pglite'), PORT: '0' }));
    try {
      await waitFor(() => server.output().includes('Morning digest'), 150_000);
      const out = server.output();
      expect(out).toMatch(/── digest → stdout ──\nMorning digest · .+ · Demo Seller/);
      expect(out).toMatch(/Order today — \d+ SKUs/);
      expect(out).toMatch(/\/day × \(14 lead \+ 7 review \+ 30 cover\) = \d+ \+ safety \d+ − stock [−-]?\d+/);
      const products = (await (
        await fetch(`${server.url}/api/v1/companies/demo/products?limit=5`)
      ).json()) as {
        total: number;
      };
      expect(products.total).toBe(200);
    } finally {
      await stop(server.child);
    }
  }, 180_000);
});

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the digest');
    await new Promise((r) => setTimeout(r, 250));
  }
}
