import { loadConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/main.js';
import { openTestDatabase } from './database.js';
import { captureLogger } from './logs.js';

/** The whole service wired as main.ts wires it, on a fresh test database, with logs captured. */
export async function startTestRuntime(
  env: Record<string, string> = {},
): Promise<{ runtime: Runtime; lines: string[] }> {
  // Not demo mode unless a test asks: no emulators, and credentials sealed under a test key.
  const config = loadConfig({
    PGLITE_DIR: 'memory://',
    LOG_LEVEL: 'debug',
    SCHEDULER_ENABLED: 'false',
    DEMO_MODE: 'false',
    CREDENTIALS_KEY: Buffer.alloc(32, 9).toString('base64'),
    ...env,
  });
  const { log, lines } = captureLogger('debug');
  const database = await openTestDatabase();
  const runtime = await createRuntime(config, log, { database });
  const close = runtime.close;
  runtime.close = async () => {
    await close();
    await database.drop().catch(() => undefined);
  };
  return { runtime, lines };
}
