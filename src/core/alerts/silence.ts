import type { AlertCandidate } from './types.js';

/** A snooze from chat: one alert (fingerprint) or every alert of one SKU (productId), until a time. */
export interface Silence {
  fingerprint?: string;
  productId?: number;
  /** Not yet in force before this time; in force from creation when absent. */
  startsAt?: Date;
  until: Date;
  createdBy: string;
  reason: string;
}

export function silenceMatches(
  silence: Silence,
  alert: Pick<AlertCandidate, 'fingerprint' | 'productId'>,
): boolean {
  if (silence.fingerprint !== undefined && silence.fingerprint !== alert.fingerprint) return false;
  if (silence.productId !== undefined && silence.productId !== alert.productId) return false;
  // A silence with neither matcher would mute everything: treat it as matching nothing.
  return silence.fingerprint !== undefined || silence.productId !== undefined;
}

export function silenceActive(silence: Silence, now: Date): boolean {
  return (silence.startsAt === undefined || silence.startsAt <= now) && now < silence.until;
}

/** The active silence muting this alert that lasts longest, if any. */
export function activeSilence(
  silences: readonly Silence[],
  alert: Pick<AlertCandidate, 'fingerprint' | 'productId'>,
  now: Date,
): Silence | undefined {
  let best: Silence | undefined;
  for (const s of silences) {
    if (silenceActive(s, now) && silenceMatches(s, alert) && (!best || s.until > best.until)) best = s;
  }
  return best;
}
