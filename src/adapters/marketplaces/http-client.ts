import axios, { type AxiosInstance } from 'axios';
import type { Marketplace } from '../../core/marketplace/records.js';
import type { Clock } from './clock.js';
import { NetworkError, type NetworkErrorCode, type UpstreamError } from './errors.js';
import { parseJsonStream } from './json-stream.js';
import type { RateLimiterRegistry, RateLimitSpec } from './rate-limiter.js';
import type { StatsCollector } from './stats.js';

export interface RetryPolicy {
  /** Attempts for 5xx, timeouts and connection errors (the first try included). */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 429 answers tolerated for one request before giving up with RATE_LIMITED. */
  max429: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 15_000, max429: 30 };

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  group: string;
  limit: RateLimitSpec;
  /** Name used in errors, stats and logs, e.g. `GET /api/v1/supplier/orders`. */
  endpoint: string;
  /** Parse the body while it streams in (huge JSON arrays). */
  streamJson?: boolean;
}

export interface HttpResponse {
  status: number;
  data: unknown;
  headers: Record<string, string>;
}

/** Secret-free log sink (a pino child fits); the request headers are never passed to it. */
export interface MarketplaceLog {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface MarketplaceHttpDeps {
  marketplace: Marketplace;
  baseUrl: string;
  /** Rate-limit key prefix: seller account + host, e.g. `wb:seller-42:statistics`. */
  limiterKey: string;
  /** Host label for call counts, e.g. `statistics`. */
  hostLabel: string;
  authHeaders: Record<string, string>;
  limiters: RateLimiterRegistry;
  clock: Clock;
  random: () => number;
  stats: StatsCollector;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Seconds-to-wait the marketplace sent with a 429, in ms, or null. */
  retryAfterMs(headers: Record<string, string>): number | null;
  toError(response: HttpResponse, endpoint: string): UpstreamError;
  /** Called after a 4xx (WB marketplace-api charges extra for it). */
  onClientError?(request: HttpRequest, bucketCharge: (cost: number) => void): void;
  log?: MarketplaceLog;
  axiosInstance?: AxiosInstance;
}

export interface MarketplaceHttp {
  send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
}

function networkCode(error: unknown): NetworkErrorCode {
  if (axios.isCancel(error)) return 'ABORTED';
  const code = axios.isAxiosError(error) ? error.code : undefined;
  return code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'TIMEOUT' : 'CONNECTION_FAILED';
}

function lowerHeaders(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
    }
  }
  return out;
}

/** A body that is not valid JSON is kept as a text excerpt (the envelope check then rejects it). */
async function readStream(stream: AsyncIterable<Uint8Array>): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  const tee = (async function* () {
    for await (const chunk of stream) {
      if (chunks.length < 4) chunks.push(chunk);
      yield chunk;
    }
  })();
  try {
    return await parseJsonStream(tee);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return Buffer.concat(chunks).toString('utf8').slice(0, 500);
  }
}

export function createMarketplaceHttp(deps: MarketplaceHttpDeps): MarketplaceHttp {
  const client =
    deps.axiosInstance ??
    axios.create({ timeout: deps.timeoutMs, validateStatus: () => true, maxRedirects: 0 });

  const backoff = (failures: number) => {
    const ceiling = Math.min(deps.retry.maxDelayMs, deps.retry.baseDelayMs * 2 ** (failures - 1));
    return Math.round(ceiling / 2 + (deps.random() * ceiling) / 2);
  };

  return {
    async send(request, signal) {
      const bucket = deps.limiters.get(`${deps.limiterKey}:${request.group}`, request.limit);
      let failures = 0;
      let throttles = 0;
      for (;;) {
        deps.stats.waited(await bucket.acquire(signal));
        deps.stats.call(`${deps.hostLabel}:${request.group}`);
        const started = deps.clock.now();
        let response: HttpResponse;
        try {
          const raw = await client.request({
            method: request.method,
            url: deps.baseUrl + request.path,
            params: request.query,
            data: request.body,
            headers: {
              ...deps.authHeaders,
              ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            signal,
            ...(request.streamJson ? { responseType: 'stream' as const } : {}),
          });
          const data = request.streamJson ? await readStream(raw.data) : raw.data;
          response = { status: raw.status, data, headers: lowerHeaders(raw.headers) };
        } catch (error) {
          const code = networkCode(error);
          failures += 1;
          const detail = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
          deps.log?.warn({ endpoint: request.endpoint, code, failures }, 'marketplace request failed');
          if (code === 'ABORTED' || failures >= deps.retry.attempts) {
            throw new NetworkError({
              code,
              marketplace: deps.marketplace,
              endpoint: request.endpoint,
              attempts: failures,
              detail,
            });
          }
          deps.stats.retried();
          await deps.clock.sleep(backoff(failures), signal);
          continue;
        }
        deps.log?.debug(
          { endpoint: request.endpoint, status: response.status, ms: deps.clock.now() - started },
          'marketplace response',
        );
        if (response.status === 429) {
          throttles += 1;
          deps.stats.throttled();
          if (throttles > deps.retry.max429) throw deps.toError(response, request.endpoint);
          // Wait exactly what the marketplace says; without a header, one interval of the group.
          bucket.blockFor(deps.retryAfterMs(response.headers) ?? request.limit.intervalMs);
          continue;
        }
        if (response.status >= 500) {
          failures += 1;
          if (failures >= deps.retry.attempts) throw deps.toError(response, request.endpoint);
          deps.stats.retried();
          await deps.clock.sleep(backoff(failures), signal);
          continue;
        }
        if (response.status >= 400) {
          deps.onClientError?.(request, (cost) => bucket.charge(cost));
          throw deps.toError(response, request.endpoint);
        }
        return response;
      }
    },
  };
}
