import type { FastifyInstance } from 'fastify';
import type { ChatPort } from '../bots/chat-port.js';
import { createSlackApp, slackEventsRoute } from '../bots/slack/index.js';
import { createTelegramBot, startPolling, telegramWebhookRoute } from '../bots/telegram/index.js';
import type { Db } from './adapters/db/client.js';
import { stepRunsOn } from './adapters/db/queries/job-runs.js';
import {
  createCatalogueReader,
  createChatStore,
  createPurchaseOrderStore,
  createRecommendationStore,
} from './adapters/db/stores.js';
import type { Renderer } from './adapters/render/index.js';
import type { Config } from './config.js';
import type { Logger } from './lib/logger.js';
import { actionSigner } from './notify-wiring.js';
import { createChatService } from './services/chat/chat-service.js';
import { createPurchaseOrderService } from './services/purchase-orders/service.js';
import type { SyncService } from './services/sync/sync-company.js';

/** What mounting a bot on the app needs; both bots sign their buttons with the same key. */
type MountDeps = {
  config: Config;
  app: FastifyInstance;
  port: ChatPort;
  renderer: Renderer;
  log: Logger;
  now: () => Date;
};

/** The chat port over the database: what the bots may read and do, per company. */
export function createChatPort(deps: { db: Db; sync: SyncService; now: () => Date }): ChatPort {
  const recommendations = createRecommendationStore(deps.db);
  return createChatService({
    store: createChatStore(deps.db, (companyId) => deps.sync.freshness({ id: companyId }), deps.now),
    recommendations,
    catalogue: createCatalogueReader(deps.db),
    purchaseOrders: createPurchaseOrderService({
      orders: createPurchaseOrderStore(deps.db),
      recommendations,
      now: deps.now,
    }),
    stepRuns: (companyId, runDate) => stepRunsOn(deps.db, companyId, runDate),
    now: deps.now,
  }) satisfies ChatPort;
}

/**
 * The Telegram bot on the webhook route (TELEGRAM_MODE=webhook) or long polling (=polling), never
 * both. Menus are registered in the background: a Telegram outage must not stop the service.
 */
export async function mountTelegram(
  deps: MountDeps,
): Promise<{ startPolling(): Promise<{ stop(): void }> } | undefined> {
  const { telegram } = deps.config;
  if (telegram.mode === 'off' || !telegram.botToken) return undefined;
  const { sign, verify } = actionSigner(deps.config);
  const bot = createTelegramBot({
    token: telegram.botToken,
    port: deps.port,
    renderer: deps.renderer,
    signAction: sign,
    verifyAction: verify,
    now: deps.now,
    log: deps.log,
    ...(telegram.apiUrl ? { apiRoot: telegram.apiUrl } : {}),
  });
  const menus = () =>
    bot
      .registerCommands()
      .catch((err: unknown) => deps.log.warn({ err }, 'telegram: could not register the command menus'));
  if (telegram.mode === 'webhook' && telegram.webhookSecret) {
    await deps.app.register(telegramWebhookRoute, { bot, secretToken: telegram.webhookSecret });
    void menus();
  }
  // Polling is started by `serve` only: a one-off CLI command must not take the bot's updates.
  return {
    startPolling: async () => {
      void menus();
      return startPolling(bot.bot, { log: deps.log });
    },
  };
}

/**
 * The Slack app on POST /slack/events, when a bot token and a signing secret are configured. Bolt
 * makes no Slack call at start-up: auth.test runs once, on the first request.
 */
export async function mountSlack(deps: MountDeps): Promise<{ stop(): Promise<unknown> } | undefined> {
  const { slack } = deps.config;
  if (!slack.botToken || !slack.signingSecret) return undefined;
  const { sign, verify } = actionSigner(deps.config);
  const { receiver } = createSlackApp({
    signingSecret: slack.signingSecret,
    botToken: slack.botToken,
    ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    port: deps.port,
    renderer: deps.renderer,
    signAction: sign,
    verifyAction: verify,
    now: deps.now,
    log: deps.log,
    // Issue #7: answers ready in time ride in the ack (no response_url post); slower ones still
    // get an empty ack before the receiver's own 2.5 s and their answer at response_url.
    answerInAckMs: 2000,
  });
  await deps.app.register(slackEventsRoute, { receiver });
  return { stop: () => receiver.stop() };
}
