import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import type { Clock } from '../../../src/adapters/marketplaces/clock.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/marketplaces/', import.meta.url));

/** Example responses copied from ../shared/marketplaces (wildberries/ and ozon/). */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as T;
}

export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export function exchanges(name: string): Exchange[] {
  return fixture<{ exchanges: Exchange[] }>(name).exchanges;
}

/**
 * Replays documented exchanges with nock; the request must match method, path, query and (when
 * `matchBody`) the documented body exactly.
 */
export function replay(list: Exchange[], options: { matchBody?: boolean } = {}): void {
  for (const { request, response } of list) {
    const url = new URL(request.url);
    const scope = nock(url.origin);
    const path = url.pathname + url.search;
    const body =
      options.matchBody && request.body !== null ? (request.body as nock.RequestBodyMatcher) : undefined;
    scope
      .intercept(path, request.method, body)
      .reply(response.status, response.body as nock.Body, response.headers);
  }
}

/** A clock whose sleep returns at once and moves time on: rate-limit waits cost nothing. */
export function createFakeClock(start = Date.parse('2026-09-30T06:00:00Z')): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms) {
      sleeps.push(ms);
      now += ms;
    },
  };
}

export async function collect<T>(
  pages: AsyncIterable<{ records: T[]; skipped: unknown[]; cursor: unknown; hasMore: boolean }>,
) {
  const all = [];
  for await (const page of pages) all.push(page);
  return {
    pages: all,
    records: all.flatMap((p) => p.records),
    skipped: all.flatMap((p) => p.skipped),
    lastCursor: all.at(-1)?.cursor,
  };
}
