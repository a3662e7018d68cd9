// How a chat platform refused a message, in the terms the outbox acts on.

export type DeliveryFailure = 'rate_limited' | 'transient' | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailure,
    message: string,
    /** For rate_limited: exactly what the platform said to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
