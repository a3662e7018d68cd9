import type { AccountObservation, AlertState, Silence, SkuObservation } from '../core/alerts/index.js';

export type Channel = 'slack' | 'telegram' | 'console';

/** A message as the outbox keeps it; `payload` is what the channel sends (already rendered). */
export type OutboxMessage = {
  id: number;
  companyId: string;
  channel: Channel;
  target: string;
  kind: string;
  payload: Record<string, unknown>;
  dedupKey: string;
  replacesId: number | null;
  attempts: number;
  /** True when an earlier attempt was claimed and never recorded (a crash): it may have been sent. */
  uncertain: boolean;
};

export type NewOutboxMessage = Pick<
  OutboxMessage,
  'companyId' | 'channel' | 'target' | 'kind' | 'payload' | 'dedupKey'
> & {
  replacesId?: number | null;
};

export type OutboxStore = {
  /** Idempotent by (company, channel, target, dedup key): a second enqueue is a no-op. */
  enqueue(messages: readonly NewOutboxMessage[]): Promise<number>;
  /**
   * Claims due messages, at most the oldest unsent one per target so each target's order holds,
   * leasing them to this instance until `leaseUntil`.
   */
  claim(now: Date, instance: string, leaseUntil: Date, limit: number): Promise<OutboxMessage[]>;
  sent(id: number, externalId: string, at: Date): Promise<void>;
  retry(id: number, error: string, nextAttemptAt: Date, countAttempt: boolean): Promise<void>;
  dead(id: number, error: string): Promise<void>;
  /** The platform's id of the message a later one edits in place. */
  externalIdOf(id: number): Promise<string | null>;
};

/** Sends one rendered message; throws DeliveryError saying whether and when to retry. */
export type ChannelSender = {
  send(message: OutboxMessage, replacesExternalId: string | null): Promise<{ externalId: string }>;
  /** After a crash between sending and recording: the id of the message if it did go out. */
  findSent?(message: OutboxMessage): Promise<string | null>;
};

export type AlertObservations = {
  skus: SkuObservation[];
  accounts: AccountObservation[];
};

export type AlertStore = {
  observations(companyId: string, runDate: string, now: Date): Promise<AlertObservations>;
  states(companyId: string): Promise<AlertState[]>;
  silences(companyId: string, now: Date): Promise<Silence[]>;
  /** The new alert states and the messages they cause, in one transaction (DESIGN.md: outbox). */
  commit(
    companyId: string,
    states: readonly AlertState[],
    messages: readonly NewOutboxMessage[],
  ): Promise<void>;
};
