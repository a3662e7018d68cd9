import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface SimResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Real milliseconds to wait before answering (slow-response fault). */
  delayMs?: number;
  /** A JSON array rendered item by item while writing (large WB statistics pages). */
  stream?: Iterable<unknown>;
}

export type SimHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function writeStream(
  res: ServerResponse,
  answer: SimResponse,
  items: Iterable<unknown>,
): Promise<void> {
  res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers });
  let chunk: string[] = [];
  let first = true;
  const flush = async () => {
    if (chunk.length === 0) return;
    // Encoded once here: a string would be measured (Buffer.byteLength) and then encoded again.
    const bytes = Buffer.from((first ? '[' : ',') + chunk.join(','), 'utf8');
    first = false;
    chunk = [];
    if (!res.write(bytes)) await new Promise((resolve) => res.once('drain', resolve));
  };
  for (const item of items) {
    chunk.push(JSON.stringify(item));
    if (chunk.length >= 500) await flush();
    if (res.destroyed) return;
  }
  await flush();
  res.end(first ? '[]' : ']');
}

function write(res: ServerResponse, answer: SimResponse): void {
  const json = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type = typeof answer.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
  res.writeHead(answer.status, { 'Content-Type': type, ...answer.headers });
  // A Buffer: a string body is measured for Content-Length and then encoded a second time.
  res.end(json === undefined ? undefined : Buffer.from(json, 'utf8'));
}

/** A real HTTP server on 127.0.0.1 with an OS-chosen port. */
export async function listen(handler: SimHandler): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const body = await readBody(req);
        const answer = await handler({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
        });
        if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
        if (res.destroyed) return;
        if (answer.stream) await writeStream(res, answer, answer.stream);
        else write(res, answer);
      } catch (error) {
        if (!res.destroyed) write(res, { status: 500, body: { message: `emulator bug: ${String(error)}` } });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** String hash for deterministic per-record decisions. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
export function decodeCursor<T>(value: unknown): T | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as T;
  } catch {
    return null;
  }
}
