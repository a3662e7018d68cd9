// Chat benchmark: npm run bench:chat -- [--rate 500] [--seconds 20] [--warmup 3] [--skus 100000]
//   [--days 365] [--reseed] [--log-level info] [--database NAME] [--cpu-prof DIR] [--json]
// `/stock <SKU>` as signed Slack slash commands (v0 HMAC over the form body, as Slack sends them)
// against the product's runtime listening on loopback, backed by a real PostgreSQL database of
// 100,000 SKUs × 365 days (seeded once, kept as stockpilot_bench_chat_v1; see chat-seed.ts).
// Open loop at a fixed rate; latency of /stock is from a request's due time until the person sees
// the answer: the ack (Slack's HTTP response) when its body carries the answer, as the service does
// when the answer is ready in time, else the post to response_url that follows an empty ack. The
// ack alone is reported apart, with how many answers came each way. The same load generator then
// measures a bare Fastify route in the same run, as the floor.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/adapters/db/client.js';
import { runMigrations } from '../../src/adapters/db/migrate.js';
import { createLinkCode } from '../../src/adapters/db/queries/chat.js';
import { withDatabase } from '../helpers/global-setup.js';
import { silentLogger } from '../helpers/logs.js';
import { benchArgs, rssSampler } from './args.js';
import { agent, type Outcome, openLoop, send, startSink } from './chat-load.js';
import { pgCpuSampler } from './chat-pg-cpu.js';
import { ensureChatDatabase, skuOf } from './chat-seed.js';

const { json, value, say } = benchArgs();
const argv = process.argv.slice(2);
const rss = rssSampler();
const rate = Number(value('--rate', '500'));
const seconds = Number(value('--seconds', '20'));
const warmup = Number(value('--warmup', '3'));
const skus = Number(value('--skus', '100000'));
const days = Number(value('--days', '365'));
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const database = value(
  '--database',
  skus === 100_000 && days === 365 ? 'stockpilot_bench_chat_v1' : `stockpilot_bench_chat_v1_${skus}x${days}`,
);
const SECRET = 'bench-signing-secret-0f8e7d6c5b4a';
const CHANNEL = 'C0PURCHASE';
const USER = 'U0BUYER01';
// Progress goes to stderr with --json, so stdout's last line is the JSON object.
const note = (s: string) => (json ? process.stderr.write(`${s}\n`) : say(s));

const migrate = async (url: string) => {
  const d = await openDatabase({ kind: 'postgres', url, poolMax: 1 }, silentLogger());
  try {
    await runMigrations(d);
  } finally {
    await d.close();
  }
};
const seedStarted = performance.now();
const seed = await ensureChatDatabase({
  serverUrl,
  database,
  skus,
  days,
  reseed: argv.includes('--reseed'),
  migrate,
  say: note,
});
const seedSeconds = (performance.now() - seedStarted) / 1000;
note(
  `${seed.seeded ? 'seeded' : 'reusing'} ${database} (${skus} SKUs × ${days} days) in ${seedSeconds.toFixed(1)} s`,
);
const dbUrl = withDatabase(serverUrl, database);

// What the app posts back: Bolt's auth.test on the first request, then a response_url post for each
// reply that did not ride in the ack.
const waiting = new Map<string, (body: string) => void>();
const sink = await startSink((path, body) => {
  if (path.startsWith('/api/auth.test'))
    return { ok: true, bot_id: 'B0BENCH', user_id: 'U0BOT', team_id: 'T111' };
  waiting.get(path)?.(body);
  waiting.delete(path);
  return { ok: true };
});

const child = spawn(
  process.execPath,
  [
    // --cpu-prof DIR: a V8 CPU profile of the server process, to see where a request's time goes.
    ...(argv.includes('--cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', value('--cpu-prof', '.')] : []),
    '--import',
    'tsx',
    fileURLToPath(new URL('./chat-server.ts', import.meta.url)),
    JSON.stringify({
      DATABASE_URL: dbUrl,
      DEMO_MODE: 'false',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: value('--log-level', 'info'),
      LOG_PRETTY: 'false',
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      SLACK_BOT_TOKEN: 'xoxb-1-2-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${sink.port}/api/`,
    }),
  ],
  // The server logs as in production (JSON lines to stdout), into /dev/null here.
  { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
);
/** The server process's CPU time (user + system), in ms. */
const serverCpuMs = () =>
  new Promise<number>((resolve) => {
    const on = (m: unknown) => {
      const cpu = (m as { cpu?: { user: number; system: number } }).cpu;
      if (!cpu) return;
      child.off('message', on);
      resolve((cpu.user + cpu.system) / 1000);
    };
    child.on('message', on);
    child.send('cpu');
  });
const ports = await new Promise<{ app: number; bare: number }>((resolve, reject) => {
  child.once('message', (m) => resolve(m as { app: number; bare: number }));
  child.once('exit', (code) => reject(new Error(`chat server exited with ${code}`)));
});

let seq = 0;
/** A slash command as Slack sends it: form body in Slack's field order, v0 signature over it. */
function slashCommand(
  command: string,
  text: string,
): { body: string; headers: Record<string, string>; path: string } {
  const n = ++seq;
  const path = `/commands/T111/${process.pid}${n}/r${n}`;
  const body = new URLSearchParams({
    token: 'verification_token',
    team_id: 'T111',
    team_domain: 'acme-retail',
    channel_id: CHANNEL,
    channel_name: 'purchasing',
    user_id: USER,
    user_name: 'buyer',
    command,
    text,
    api_app_id: 'A111',
    is_enterprise_install: 'false',
    response_url: `http://127.0.0.1:${sink.port}${path}`,
    trigger_id: `${n}.111.${process.pid.toString(16)}`,
  }).toString();
  const at = Math.floor(Date.now() / 1000);
  return {
    body,
    path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'x-slack-request-timestamp': String(at),
      'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${at}:${body}`).digest('hex')}`,
    },
  };
}

type Reply = { text?: string; blocks?: unknown; response_type?: string };
/** The ack's body when it is a reply (Slack shows it as one), else null (an empty ack). */
const ackReply = (body: string): Reply | null => {
  if (!body.startsWith('{')) return null;
  const r = JSON.parse(body) as Reply;
  return typeof r.text === 'string' ? r : null;
};
/**
 * Sends a command; resolves with the ack and with the reply: the ack's body when it carries one,
 * else what is posted to response_url (`via` says which).
 */
async function command(cmd: string, text: string, timeoutMs = 10_000) {
  const req = slashCommand(cmd, text);
  const reply = new Promise<{ body: Reply; at: number } | null>((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(req.path);
      resolve(null);
    }, timeoutMs);
    waiting.set(req.path, (body) => {
      clearTimeout(timer);
      resolve({ body: JSON.parse(body) as Reply, at: performance.now() });
    });
  });
  const ack = await send({
    port: ports.app,
    method: 'POST',
    path: '/slack/events',
    headers: req.headers,
    body: req.body,
  });
  const inAck = ack.status === 200 ? ackReply(ack.body) : null;
  if (ack.status !== 200 || inAck) waiting.delete(req.path);
  if (inAck) return { ack, reply: { body: inAck, at: ack.doneAt }, via: 'ack' as const };
  return { ack, reply: ack.status === 200 ? await reply : null, via: 'response_url' as const };
}

/** The real answer to /stock SKU: the stock template (fallback "SKU: n in stock"), with a recommendation. */
const isStockAnswer = (sku: string, r: Reply | undefined) =>
  r?.response_type === 'ephemeral' &&
  typeof r.text === 'string' &&
  r.text.startsWith(`${sku}:`) &&
  r.text.includes('in stock') &&
  JSON.stringify(r.blocks ?? []).includes('sold') &&
  !JSON.stringify(r.blocks ?? []).includes('No recommendation');

const prng = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

try {
  // Bind the chat as a person would: an admin's one-time code, then /link in the channel.
  const linkDb = await openDatabase({ kind: 'postgres', url: dbUrl, poolMax: 1 }, silentLogger());
  const code = `BENCH-${Date.now().toString(36)}`;
  await createLinkCode(linkDb.db, {
    companyId: seed.companyId,
    code,
    role: 'viewer',
    approvalLimit: null,
    createdBy: 'bench',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  // Earlier runs' deliveries: keep the dedupe table the size one run makes.
  await linkDb.db.execute(sql`delete from chat_updates where platform = 'slack'`);
  await linkDb.close();
  const linked = await command('/link', code);
  if (!linked.reply?.body.text?.toLowerCase().includes('link')) {
    throw new Error(`could not link the bench chat: ${JSON.stringify(linked.reply?.body ?? linked.ack)}`);
  }
  const sample = await command('/stock', skuOf(42));
  if (!isStockAnswer(skuOf(42), sample.reply?.body))
    throw new Error(`/stock did not answer with stock: ${JSON.stringify(sample.reply?.body ?? sample.ack)}`);
  note(`sample reply: ${sample.reply?.body.text}`);

  const random = prng(7);
  const ackLatencies: number[] = [];
  const via = { ack: 0, response_url: 0 };
  const fireStock = async (): Promise<Outcome> => {
    const sku = skuOf(1 + Math.floor(random() * skus));
    const t = performance.now();
    const { ack, reply, via: way } = await command('/stock', sku);
    if (ack.status !== 200) return { ok: false, reason: `ack ${ack.status}` };
    ackLatencies.push(ack.doneAt - t);
    if (reply) via[way]++;
    if (!reply) return { ok: false, reason: 'no reply within 10 s' };
    if (!isStockAnswer(sku, reply.body))
      return { ok: false, reason: `not a stock answer: ${reply.body.text}` };
    return { ok: true, doneAt: reply.at };
  };
  const fireBare = async (): Promise<Outcome> => {
    const res = await send({ port: ports.bare, method: 'GET', path: '/ping' });
    return res.status === 200 && res.body.includes('"ok":true')
      ? { ok: true, doneAt: res.doneAt }
      : { ok: false, reason: `status ${res.status}` };
  };

  note(`warm-up: ${warmup} s at ${rate}/s each`);
  await openLoop({ rate, seconds: warmup, fire: fireStock });
  await openLoop({ rate, seconds: warmup, fire: fireBare });
  ackLatencies.length = 0;
  via.ack = 0;
  via.response_url = 0;

  note(`/stock over Slack: ${rate}/s for ${seconds} s…`);
  const pgCpu = pgCpuSampler(dbUrl, database);
  await pgCpu.sinceLast();
  const cpu0 = await serverCpuMs();
  const stock = await openLoop({ rate, seconds, fire: fireStock });
  const cpu1 = await serverCpuMs();
  const pgStockMs = await pgCpu.sinceLast();
  await pgCpu.close();
  note(`bare Fastify route: ${rate}/s for ${seconds} s…`);
  const bare = await openLoop({ rate, seconds, fire: fireBare });
  const cpu2 = await serverCpuMs();
  // Every request sent costs the server, answered in time or not.
  const perRequest = (ms: number, f: { requests: number }) =>
    Math.round((ms / Math.max(1, f.requests)) * 100) / 100;

  ackLatencies.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round(
      (ackLatencies[Math.min(ackLatencies.length - 1, Math.floor(p * ackLatencies.length))] ?? Number.NaN) *
        10,
    ) / 10;
  const figures = {
    skus,
    days,
    database,
    seeded: seed.seeded,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    rate,
    seconds,
    warmupSeconds: warmup,
    stock: {
      ...stock.figures,
      ack: { p50Ms: q(0.5), p95Ms: q(0.95), p99Ms: q(0.99), maxMs: q(1) },
      repliesVia: { ...via },
      serverCpuMsPerRequest: perRequest(cpu1 - cpu0, stock.figures),
      postgresCpuMsPerRequest: pgStockMs === null ? null : perRequest(pgStockMs, stock.figures),
    },
    bare: { ...bare.figures, serverCpuMsPerRequest: perRequest(cpu2 - cpu1, bare.figures) },
    errorReasons: { ...stock.reasons, ...bare.reasons },
    targetP99Ms: 50,
    targetMet: stock.figures.p99Ms < 50 && stock.figures.errors === 0,
    peakRssMb: rss.peakMb(),
  };
  const row = (name: string, f: typeof stock.figures) =>
    `${name.padEnd(22)} ${String(f.p50Ms).padStart(8)} ${String(f.p95Ms).padStart(8)} ${String(f.p99Ms).padStart(8)} ${String(f.maxMs).padStart(8)} ${String(f.throughputRps).padStart(8)} ${String(f.errors).padStart(7)}`;
  say(
    `\n${'latency, ms'.padEnd(22)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'req/s'.padStart(8)} ${'errors'.padStart(7)}`,
  );
  say(row('/stock (reply)', stock.figures));
  say(
    `${'/stock (ack)'.padEnd(22)} ${String(figures.stock.ack.p50Ms).padStart(8)} ${String(figures.stock.ack.p95Ms).padStart(8)} ${String(figures.stock.ack.p99Ms).padStart(8)} ${String(figures.stock.ack.maxMs).padStart(8)}`,
  );
  say(row('bare Fastify /ping', bare.figures));
  say(`/stock answers in the ack: ${via.ack}, at response_url: ${via.response_url}`);
  say(
    `server CPU per request: /stock ${figures.stock.serverCpuMsPerRequest} ms, bare ${figures.bare.serverCpuMsPerRequest} ms; PostgreSQL's backends per /stock: ${figures.stock.postgresCpuMsPerRequest ?? 'n/a'} ms`,
  );
  say(`target p99 < 50 ms at ${rate}/s: ${figures.targetMet ? 'met' : 'NOT met'}`);
  if (Object.keys(figures.errorReasons).length > 0) say(`errors: ${JSON.stringify(figures.errorReasons)}`);
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  rss.stop();
  agent.destroy();
  child.disconnect();
  await new Promise((r) => child.once('exit', r));
  sink.server.close();
}
