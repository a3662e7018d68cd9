// What the Slack listeners share: the port, the renderer, the signer and the clock, passed in once.

import type { Renderer, SlackMessage } from '../../src/adapters/render/index.js';
import type { Logger } from '../../src/lib/logger.js';
import type { ChatPort } from '../chat-port.js';

export type SlackDeps = {
  port: ChatPort;
  renderer: Renderer;
  signAction: (payload: string) => string;
  verifyAction: (payload: string, signature: string) => boolean;
  now: () => Date;
  log: Logger;
  /** How long digest buttons stay valid. */
  actionTtlMs: number;
};

/** What Bolt's `respond` accepts for our messages (response_url: at most 5 posts in 30 min). */
export type Respond = (message: {
  text: string;
  blocks?: SlackMessage['blocks'];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}) => Promise<unknown>;

/** Ephemeral replies, one response_url post per rendered message. */
export async function respondAll(respond: Respond, messages: readonly SlackMessage[]): Promise<void> {
  for (const m of messages) await respond({ response_type: 'ephemeral', text: m.text, blocks: m.blocks });
}
