// Transport only (STYLE.md, after Bolt's receivers): verify the signature on the raw body, answer
// ssl_check and url_verification, drop deliveries seen before (Slack's retries, replays), and hand
// the rest to app.processEvent. The HTTP answer goes out as soon as a listener acks; the listener's
// slow work (response_url, chat.update) continues after it, within Slack's 3-second budget.

import { createHash } from 'node:crypto';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/lib/logger.js';
import type { ChatPort } from '../chat-port.js';
import { dedupeKey, isPrivateQuery, isSslCheck, parseSlackBody } from './parse-body.js';
import { verifySlackSignature } from './verify.js';

export type SlackHttpRequest = { rawBody: string; headers: Record<string, string | string[] | undefined> };
export type SlackHttpResponse = { status: number; body: unknown; headers?: Record<string, string> };

export type ReceiverOptions = {
  signingSecret: string;
  port: Pick<ChatPort, 'seenUpdate'>;
  now: () => Date;
  log: Logger;
  /** Answer before Slack's 3 s even if no listener acked (Bolt answers 404 after 3001 ms). */
  ackTimeoutMs?: number;
};

const header = (h: SlackHttpRequest['headers'], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

export class FastifySlackReceiver implements Receiver {
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly opts: ReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  // The Fastify server owns the socket; these exist for Bolt's Receiver contract.
  async start(): Promise<void> {}
  async stop(): Promise<void> {
    await this.idle();
  }

  /** Resolves when every dispatched event has finished its after-ack work (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async requestHandler(req: SlackHttpRequest): Promise<SlackHttpResponse> {
    const { log } = this.opts;
    const contentType = header(req.headers, 'content-type');
    // Unsigned by design; it carries no data and has no effect.
    if (contentType?.startsWith('application/x-www-form-urlencoded') && isSslCheck(req.rawBody))
      return { status: 200, body: '' };
    const check = verifySlackSignature({
      signingSecret: this.opts.signingSecret,
      timestamp: header(req.headers, 'x-slack-request-timestamp'),
      signature: header(req.headers, 'x-slack-signature'),
      rawBody: req.rawBody,
      nowMs: this.opts.now().getTime(),
    });
    if (!check.ok) {
      log.warn({ code: check.code }, 'slack: request signature rejected');
      return { status: 401, body: { error: 'UNAUTHORIZED', message: 'Invalid Slack request signature.' } };
    }
    const body = parseSlackBody(req.rawBody, contentType);
    if (!body) return { status: 400, body: { error: 'BAD_REQUEST', message: 'Unreadable Slack payload.' } };
    if (body.type === 'url_verification') return { status: 200, body: { challenge: body.challenge } };

    const retryNum = Number(header(req.headers, 'x-slack-retry-num') ?? Number.NaN);
    const retryReason = header(req.headers, 'x-slack-retry-reason');
    // A modal may be submitted again with the same input after an error: the port guards that one.
    // A private query writes nothing and may be answered twice (isPrivateQuery).
    if (body.type !== 'view_submission' && !isPrivateQuery(body)) {
      const hash = createHash('sha256').update(req.rawBody).digest('hex');
      if (await this.opts.port.seenUpdate('slack', dedupeKey(body, hash))) {
        log.info({ retryNum, retryReason }, 'slack: duplicate delivery ignored');
        return { status: 200, body: '' };
      }
    }
    return this.dispatch(body, Number.isFinite(retryNum) ? retryNum : undefined, retryReason);
  }

  private async dispatch(body: ReceiverEvent['body'], retryNum?: number, retryReason?: string) {
    const app = this.app;
    if (!app) throw new Error('FastifySlackReceiver: init(app) was not called');
    let acked = false;
    let sent = false;
    let resolveAnswer!: (r: SlackHttpResponse) => void;
    const answered = new Promise<SlackHttpResponse>((resolve) => {
      resolveAnswer = resolve;
    });
    /** The first answer is the HTTP response; false if one went out before. */
    const answer = (r: SlackHttpResponse): boolean => {
      if (sent) return false;
      sent = true;
      resolveAnswer(r);
      return true;
    };
    const event: ReceiverEvent = {
      body,
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason ? { retryReason } : {}),
      ack: async (response?: unknown) => {
        if (acked) throw new Error('ack was called more than once');
        acked = true;
        // A body after the timeout's empty answer would be lost: the listener must send it another
        // way (a slash command's reply goes to response_url then; see ack-reply.ts).
        if (!answer({ status: 200, body: response ?? '' }) && response !== undefined && response !== '')
          throw new Error('ack came after the HTTP answer went out');
      },
    };
    const work = app
      .processEvent(event)
      .then(() => answer({ status: 404, body: '' }))
      .catch((err: unknown) => {
        this.opts.log.error({ err }, 'slack: event failed');
        // The delivery is already recorded as seen, so a retry would be dropped anyway: say so.
        answer({ status: 500, body: '', headers: { 'x-slack-no-retry': '1' } });
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    const timer = setTimeout(() => answer({ status: 200, body: '' }), this.opts.ackTimeoutMs ?? 2500);
    const res = await answered;
    clearTimeout(timer);
    return res;
  }
}
