// bench:chat's server process: the product's runtime (createRuntime, as `npm start` wires it) on a
// loopback port, and beside it a bare Fastify app with one JSON route, the floor to compare with.
// A process of its own so the load generator's work does not share its event loop.
// Usage (by chat.ts): node --import tsx chat-server.ts '<env as JSON>'; it sends its ports over IPC.
import Fastify from 'fastify';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/lib/logger.js';
import { createRuntime } from '../../src/main.js';

const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
const config = loadConfig(env);
const log = createLogger({ level: config.logLevel, pretty: false });
const runtime = await createRuntime(config, log);
await runtime.app.listen({ host: '127.0.0.1', port: 0 });

const bare = Fastify({ logger: false });
bare.get('/ping', async () => ({ ok: true, service: 'bare' }));
await bare.listen({ host: '127.0.0.1', port: 0 });

const portOf = (app: { server: { address(): unknown } }) => (app.server.address() as { port: number }).port;
process.send?.({ app: portOf(runtime.app), bare: portOf(bare) });
// The bench asks for this process's CPU time around each measured phase.
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.once('disconnect', async () => {
  await bare.close();
  await runtime.close();
  process.exit(0);
});
