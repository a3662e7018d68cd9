// bench:chat's load generator: open loop at a fixed rate (request i is due at start + i/rate, and
// its latency counts from then, so a slow server cannot slow the arrivals down and hide its queue:
// no coordinated omission), keep-alive HTTP over loopback, and a tiny HTTP sink for what the app
// posts back (Slack's response_url and Web API).
import { Agent, createServer, request, type Server } from 'node:http';

export type Outcome = { ok: true; doneAt: number } | { ok: false; reason: string };

export type LoadFigures = {
  requests: number;
  errors: number;
  throughputRps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
};

export const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** One HTTP request on the keep-alive agent; resolves with status, body and when it ended. */
export function send(opts: {
  port: number;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; body: string; doneAt: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: opts.port,
        method: opts.method,
        path: opts.path,
        headers: opts.headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            doneAt: performance.now(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * Fires `fire(i)` for i = 0… at `rate` per second for `seconds`, each at its due time (a 1 ms
 * ticker catches up on every request that fell due), and measures each from its due time.
 */
export async function openLoop(opts: {
  rate: number;
  seconds: number;
  fire: (i: number) => Promise<Outcome>;
}): Promise<{ figures: LoadFigures; reasons: Record<string, number> }> {
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  const reasons: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  const start = performance.now() + 5;
  let lastDone = start;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / opts.rate <= now) {
        const due = start + (next * 1000) / opts.rate;
        pending.push(
          opts.fire(next).then(
            (o) => {
              if (o.ok) {
                latencies.push(o.doneAt - due);
                lastDone = Math.max(lastDone, o.doneAt);
              } else reasons[o.reason] = (reasons[o.reason] ?? 0) + 1;
            },
            (err: unknown) => {
              const reason = err instanceof Error ? err.message : String(err);
              reasons[reason] = (reasons[reason] ?? 0) + 1;
            },
          ),
        );
        next++;
      }
      if (next >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 1);
  });
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]);
  return {
    figures: {
      requests: total,
      errors: total - latencies.length,
      throughputRps: Math.round(latencies.length / ((lastDone - start) / 1000)),
      p50Ms: q(0.5),
      p95Ms: q(0.95),
      p99Ms: q(0.99),
      maxMs: round(latencies.at(-1)),
    },
    reasons,
  };
}

const round = (ms: number | undefined) => (ms === undefined ? Number.NaN : Math.round(ms * 10) / 10);

/** A loopback HTTP sink: each POST body goes to `onPost(path, body)`, whose value is the JSON answer. */
export async function startSink(onPost: (path: string, body: string) => unknown): Promise<{
  port: number;
  server: Server;
}> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = onPost(req.url ?? '/', Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer ?? { ok: true }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}
