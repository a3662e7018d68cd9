import type { OutboxMessage } from '../../src/ports.js';

/** An outbox row as the delivery worker hands it to a sender; `over` sets what a test is about. */
export const outboxMessage = (over: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id: 1,
  companyId: '00000000-0000-4000-8000-000000000001',
  channel: 'slack',
  target: 'C1',
  kind: 'digest',
  payload: { text: 'hello' },
  dedupKey: 'k',
  replacesId: null,
  attempts: 0,
  uncertain: false,
  ...over,
});
