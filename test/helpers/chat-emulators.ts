// Local peers for the chat platforms (../shared/chat/README.md §4): emulate@0.12.2 for the Slack Web
// API and telegram-test-api@4.2.1 for the Telegram Bot API, each behind a recording tap so tests can
// also count calls the emulators keep no state for (answerCallbackQuery, views.open), plus a capture
// server standing in for Slack's response_url host. Everything listens on 127.0.0.1 only.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator } from 'emulate';
import telegramTestApi from 'telegram-test-api';

export type RecordedCall = { method: string; body: Record<string, unknown>; response: unknown };

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const parse = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (raw === '') return {};
  try {
    if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { raw };
  }
  return Object.fromEntries(new URLSearchParams(raw));
};

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const shut = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Forwards every request to `target` unchanged and records method (last path segment), body and answer. */
export async function recordingProxy(target: string) {
  const calls: RecordedCall[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization']) {
        const v = req.headers[name];
        if (typeof v === 'string') headers[name] = v;
      }
      const upstream = await fetch(`${target}${req.url ?? ''}`, {
        method: req.method ?? 'POST',
        headers,
        ...(raw.length > 0 ? { body: raw } : {}),
      });
      const text = await upstream.text();
      let response: unknown = text;
      try {
        response = JSON.parse(text);
      } catch {}
      calls.push({
        method: (req.url ?? '').split('?')[0]?.split('/').pop() ?? '',
        body: parse(raw.toString('utf8'), req.headers['content-type']),
        response,
      });
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
        'content-length': String(Buffer.byteLength(text)),
      });
      res.end(text);
    })().catch((err: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  const url = await listen(server);
  return {
    url,
    calls,
    of: (method: string) => calls.filter((c) => c.method === method),
    close: () => shut(server),
  };
}

/** Slack's response_url host: every POST is answered 200 "ok" and its JSON body kept, in order. */
export async function responseUrlCapture() {
  const posts: { path: string; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      posts.push({ path: req.url ?? '', body: parse(raw.toString('utf8'), 'application/json') });
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
      res.end('ok');
    });
  });
  const url = await listen(server);
  return { url, posts, close: () => shut(server) };
}

export type SlackEmulator = {
  emulator: Emulator;
  /** The emulator's own base URL (the app is pointed at a recording proxy in front of it). */
  url: string;
  /** Calls the Slack Web API as a test would: any token, JSON body. */
  api<T = Record<string, unknown>>(method: string, body?: object): Promise<T & { ok: boolean }>;
  /** Ids of the seeded people, by name (emulate generates them). */
  userIds: Record<string, string>;
};

/** emulate's Slack with the signing secret and a few people; #general is C000000001. */
export async function startSlackEmulator(opts: { signingSecret: string; users: string[] }) {
  const emulator = await createEmulator({
    service: 'slack',
    port: 0,
    seed: { slack: { signing_secret: opts.signingSecret, users: opts.users.map((name) => ({ name })) } },
  });
  const url = emulator.url.replace('//localhost:', '//127.0.0.1:');
  const api = async <T>(method: string, body: object = {}) => {
    const res = await fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-test-harness', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as T & { ok: boolean };
  };
  const list = await api<{ members: { id: string; name: string }[] }>('users.list');
  const userIds = Object.fromEntries(list.members.map((m) => [m.name, m.id]));
  return { emulator, url, api, userIds } satisfies SlackEmulator;
}

/** A port nobody listens on now (telegram-test-api cannot take port 0: it falls back to 9000). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await listen(probe);
  const { port } = probe.address() as AddressInfo;
  await shut(probe);
  return port;
}

// A CommonJS package whose d.ts says `export default`: Node hands ESM the class itself.
type TelegramServerClass = typeof telegramTestApi.default;
const TelegramServer: TelegramServerClass =
  (telegramTestApi as unknown as { default?: TelegramServerClass }).default ??
  (telegramTestApi as unknown as TelegramServerClass);

export async function startTelegramEmulator() {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  return server;
}

export type TelegramEmulator = Awaited<ReturnType<typeof startTelegramEmulator>>;
