import { ErrorCode, WebClient } from '@slack/web-api';
import { DeliveryError } from '../../src/lib/delivery-error.js';
import type { ChannelSender, OutboxMessage } from '../../src/ports.js';

// Errors that another attempt cannot fix: the outbox gives the message up and raises an alert.
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'msg_too_long',
  'no_text',
  'invalid_blocks',
  'message_not_found',
  'cant_update_message',
  'restricted_action',
]);
const EVENT_TYPE = 'stockpilot_message';
/** chat.update errors that mean the message to edit is no longer there to edit. */
const ORIGINAL_GONE = new Set(['message_not_found', 'cant_update_message']);

type SlackPayload = { text: string; blocks?: unknown[] };

/** Posts (or edits in place) rendered Block Kit messages; the outbox does the retrying. */
export function createSlackSender(opts: { token: string; apiUrl?: string }): ChannelSender {
  const client = new WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return {
    async send(m, replaces) {
      const { text, blocks } = m.payload as SlackPayload;
      try {
        if (replaces) {
          try {
            await client.chat.update({
              channel: m.target,
              ts: replaces,
              text,
              ...(blocks ? { blocks: blocks as never } : {}),
            });
            return { externalId: replaces };
          } catch (err) {
            // Someone deleted the original (or it cannot be edited): say it in a new message
            // rather than lose the update and page on-call about a dead notification.
            if (!ORIGINAL_GONE.has(slackErrorCode(err) ?? '')) throw err;
          }
        }
        const res = await client.chat.postMessage({
          channel: m.target,
          text,
          ...(blocks ? { blocks: blocks as never } : {}),
          // The dedup key travels with the message, so a crash before recording can be checked.
          metadata: { event_type: EVENT_TYPE, event_payload: { dedup: m.dedupKey } },
        });
        return { externalId: String(res.ts) };
      } catch (err) {
        throw toDeliveryError(err);
      }
    },

    async findSent(m: OutboxMessage) {
      try {
        const res = await client.conversations.history({
          channel: m.target,
          limit: 50,
          include_all_metadata: true,
        });
        const found = res.messages?.find(
          (msg) =>
            msg.metadata?.event_type === EVENT_TYPE &&
            (msg.metadata.event_payload as { dedup?: string } | undefined)?.dedup === m.dedupKey,
        );
        return found?.ts ?? null;
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
  };
}

function toDeliveryError(err: unknown): DeliveryError {
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number };
  if (e.code === ErrorCode.RateLimitedError) {
    return new DeliveryError('rate_limited', 'Slack: rate limited', (e.retryAfter ?? 1) * 1000);
  }
  if (e.code === ErrorCode.PlatformError) {
    const reason = e.data?.error ?? 'unknown_error';
    return new DeliveryError(PERMANENT.has(reason) ? 'permanent' : 'transient', `Slack: ${reason}`);
  }
  if (e.code === ErrorCode.HTTPError) {
    const status = e.statusCode ?? 0;
    return new DeliveryError(
      status >= 500 || status === 0 ? 'transient' : 'permanent',
      `Slack: HTTP ${status}`,
    );
  }
  return new DeliveryError('transient', `Slack: ${err instanceof Error ? err.message : 'request failed'}`);
}

/** The Web API's error code (`message_not_found`, …) of a platform error, else null. */
function slackErrorCode(err: unknown): string | null {
  const e = err as { code?: string; data?: { error?: string } };
  return e.code === ErrorCode.PlatformError ? (e.data?.error ?? null) : null;
}
