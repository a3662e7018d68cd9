import { DeliveryError } from '../../lib/delivery-error.js';
import { describeError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { Channel, ChannelSender, OutboxMessage, OutboxStore } from '../../ports.js';
import { createRateGate, type PacingRules } from './rate-gate.js';

export type DeliveryOptions = {
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, with jitter, up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  leaseMs?: number;
  batch?: number;
  pacing?: PacingRules;
};

export type DeliveryRound = { sent: number; retried: number; dead: number; deferred: number };

/**
 * Sends what the outbox holds: one message at a time per target (order kept), paced per target,
 * waiting exactly what a 429 says, backing off on other failures, and giving up after a bounded
 * number of attempts into a dead state that the caller turns into an alert.
 */
export function createDeliveryWorker(deps: {
  store: OutboxStore;
  senders: Partial<Record<Channel, ChannelSender>>;
  instance: string;
  now: () => Date;
  random?: () => number;
  log: Logger;
  onDead?: (message: OutboxMessage, error: string) => Promise<void> | void;
  options?: DeliveryOptions;
}) {
  const o = {
    maxAttempts: 6,
    baseBackoffMs: 2_000,
    maxBackoffMs: 3_600_000,
    leaseMs: 60_000,
    batch: 50,
    ...deps.options,
  };
  const gate = createRateGate(o.pacing);
  const random = deps.random ?? Math.random;

  const backoff = (attempts: number) => {
    const base = Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(base / 2 + (random() * base) / 2);
  };

  async function deliver(m: OutboxMessage, round: DeliveryRound): Promise<void> {
    const sender = deps.senders[m.channel];
    const now = deps.now();
    if (!sender) return fail(m, `no sender configured for ${m.channel}`, true, round);
    const wait = gate.wait(m.channel, m.target, now.getTime());
    if (wait > 0) {
      await deps.store.retry(m.id, 'paced', new Date(now.getTime() + wait), false);
      round.deferred++;
      return;
    }
    try {
      // A crash after sending and before recording: ask the platform before sending twice.
      const already = m.uncertain && sender.findSent ? await sender.findSent(m) : null;
      const replaces = m.replacesId === null ? null : await deps.store.externalIdOf(m.replacesId);
      gate.record(m.channel, m.target, now.getTime());
      const externalId = already ?? (await sender.send(m, replaces)).externalId;
      await deps.store.sent(m.id, externalId, deps.now());
      round.sent++;
    } catch (err) {
      if (err instanceof DeliveryError && err.kind === 'rate_limited') {
        await deps.store.retry(
          m.id,
          err.message,
          new Date(deps.now().getTime() + (err.retryAfterMs ?? 1000)),
          true,
        );
        round.retried++;
        return;
      }
      const permanent = err instanceof DeliveryError && err.kind === 'permanent';
      await fail(m, describeError(err), permanent, round);
    }
  }

  async function fail(m: OutboxMessage, error: string, permanent: boolean, round: DeliveryRound) {
    if (permanent || m.attempts + 1 >= o.maxAttempts) {
      await deps.store.dead(m.id, error);
      round.dead++;
      deps.log.error({ outboxId: m.id, channel: m.channel, kind: m.kind, error }, 'message given up: dead');
      await deps.onDead?.(m, error);
      return;
    }
    await deps.store.retry(m.id, error, new Date(deps.now().getTime() + backoff(m.attempts + 1)), true);
    round.retried++;
  }

  return {
    /** One pass over what is due; returns what happened. */
    async runOnce(): Promise<DeliveryRound> {
      const now = deps.now();
      const due = await deps.store.claim(now, deps.instance, new Date(now.getTime() + o.leaseMs), o.batch);
      const round: DeliveryRound = { sent: 0, retried: 0, dead: 0, deferred: 0 };
      for (const m of due) await deliver(m, round);
      return round;
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
