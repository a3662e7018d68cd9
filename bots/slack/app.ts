// The Slack app as a factory: Bolt with our receiver, a preset bot identity (no auth.test at start,
// so a Slack outage cannot block boot), bounded Web API retries, listeners wired in one place and a
// mandatory app.error. Listeners ack first and then do the work through the ChatPort.

import { App, type BlockAction, type ButtonAction } from '@slack/bolt';
import type { Renderer } from '../../src/adapters/render/index.js';
import type { Logger } from '../../src/lib/logger.js';
import type { ChatPort } from '../chat-port.js';
import { ackReply } from './ack-reply.js';
import { handleBlockAction, handleEditSubmission, type ViewAck } from './actions.js';
import { singleWorkspaceAuthorize } from './authorize.js';
import { boltLogger } from './bolt-logger.js';
import { handleCommand } from './commands.js';
import type { Respond, SlackDeps } from './deps.js';
import { EDIT_CALLBACK_ID } from './modal.js';
import { FastifySlackReceiver } from './receiver.js';
import { slackTexts } from './texts.js';

export type SlackAppOptions = {
  signingSecret: string;
  botToken: string;
  /** Preset with botId so there is no auth.test at all; else one, on the first request. */
  botUserId?: string;
  botId?: string;
  /** e.g. 'https://slack.com/api/' or an emulator's '<url>/api/'. */
  apiUrl?: string;
  port: ChatPort;
  renderer: Renderer;
  signAction: (payload: string) => string;
  verifyAction: (payload: string, signature: string) => boolean;
  now: () => Date;
  log: Logger;
  actionTtlMs?: number;
  ackTimeoutMs?: number;
  /**
   * Issue #7: how long a slash command may take to answer in the HTTP ack itself (no
   * response_url post); keep it under ackTimeoutMs. Without it the ack is empty and immediate,
   * and every answer goes to response_url.
   */
  answerInAckMs?: number;
};

export type SlackApp = { app: App; receiver: FastifySlackReceiver };

const DAY_MS = 86_400_000;
const ACTION_IDS = /^(approve|edit|snooze1|snooze7|ordered)$/;

export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const log = opts.log.child({ component: 'slack' });
  const receiver = new FastifySlackReceiver({
    signingSecret: opts.signingSecret,
    port: opts.port,
    now: opts.now,
    log,
    ...(opts.ackTimeoutMs ? { ackTimeoutMs: opts.ackTimeoutMs } : {}),
  });
  const clientOptions = {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    // Bolt's default keeps a request retrying for ~30 min; a chat answer is useless by then.
    retryConfig: { retries: 2, maxTimeout: 1000 },
    rejectRateLimitedCalls: true,
  };
  const preset = opts.botId && opts.botUserId ? { botId: opts.botId, botUserId: opts.botUserId } : undefined;
  const app = new App({
    // No `token`: with it Bolt calls auth.test in the constructor unless the identity is preset.
    authorize: singleWorkspaceAuthorize({
      botToken: opts.botToken,
      clientOptions,
      ...(preset ? { preset } : {}),
    }),
    receiver,
    // No listener keeps conversation state: skip Bolt's per-request conversation-store lookup.
    convoStore: false,
    logger: boltLogger(log),
    clientOptions,
  });
  const deps: SlackDeps = {
    port: opts.port,
    renderer: opts.renderer,
    signAction: opts.signAction,
    verifyAction: opts.verifyAction,
    now: opts.now,
    log,
    actionTtlMs: opts.actionTtlMs ?? 3 * DAY_MS,
  };

  // Every command the manifest routes here: parseCommand answers unknown ones helpfully.
  app.command(/^\//, async ({ command, ack, respond, client }) => {
    const budget = opts.answerInAckMs;
    if (budget === undefined) {
      await ack();
      await reportFailure(deps, respond, () => handleCommand(deps, command, respond, client));
      return;
    }
    const reply = ackReply(ack, respond, budget);
    await reportFailure(deps, reply.respond, () => handleCommand(deps, command, reply.respond, client));
    await reply.done();
  });
  app.action<BlockAction<ButtonAction>>(ACTION_IDS, async ({ body, ack, respond, client }) => {
    await ack();
    await reportFailure(deps, respond, () => handleBlockAction({ deps, client, respond }, body));
  });
  app.view(EDIT_CALLBACK_ID, async ({ body, ack, client }) => {
    // A view listener's ack takes response_action; Bolt types it as a union of both shapes.
    await handleEditSubmission(deps, client, body, ack as ViewAck);
  });

  app.error(async (err) => {
    log.error({ err }, 'slack: listener failed');
  });
  return { app, receiver };
}

/** After the ack nobody sees an exception: log it and tell the person nothing was changed. */
async function reportFailure(deps: SlackDeps, respond: Respond, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    deps.log.error({ err }, 'slack: listener failed');
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: slackTexts('en').failed,
    }).catch((replyErr: unknown) => deps.log.warn({ err: replyErr }, 'slack: could not report the failure'));
  }
}
