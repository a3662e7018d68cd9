import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { buildDigestView, encodeAction } from '../bots/commands/index.js';
import { createSlackSender } from '../bots/slack/sender.js';
import { createTelegramSender } from '../bots/telegram/sender.js';
import type { Db } from './adapters/db/client.js';
import { listChatTargets } from './adapters/db/queries/chat-targets.js';
import { stepRunsOn } from './adapters/db/queries/job-runs.js';
import { sentAlertGroups } from './adapters/db/queries/outbox.js';
import { createAlertStore, createOutboxStore, createRecommendationStore } from './adapters/db/stores.js';
import {
  type AlertItem,
  createRenderer,
  type DigestView,
  type ResolvedView,
  unescapeMarkup,
} from './adapters/render/index.js';
import type { Config } from './config.js';
import type { AlertGroupMessage, AlertMessageItem } from './core/alerts/index.js';
import type { Logger } from './lib/logger.js';
import { projectRoot } from './lib/project-root.js';
import type { ChannelSender } from './ports.js';
import { createAlertService } from './services/alerts/evaluate-alerts.js';
import { createConsoleSender } from './services/notify/console-sender.js';
import { createDeliveryWorker } from './services/notify/delivery-worker.js';
import { createDigestService } from './services/notify/digest.js';
import { withLastSync } from './services/notify/step-issues.js';
import type { SyncService } from './services/sync/sync-company.js';

// Composition of the notification side: renderer, senders, outbox worker and digest.

const ACTION_TTL_MS = 3 * 86_400_000;

/** Button ids are signed with a key derived from the credentials key, so chats cannot forge them. */
export function actionSigner(config: Config) {
  const key = createHmac(
    'sha256',
    config.credentials.keys.get(config.credentials.currentKeyId) ?? Buffer.alloc(32),
  )
    .update('stockpilot:chat-actions')
    .digest();
  const sign = (payload: string) =>
    createHmac('sha256', key).update(payload).digest('base64url').slice(0, 16);
  const verify = (payload: string, signature: string) => {
    const expected = Buffer.from(sign(payload));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  return { sign, verify };
}

const htmlToText = (html: string) => unescapeMarkup(html.replace(/<[^>]+>/g, ''));

export function createNotifications(deps: {
  config: Config;
  db: Db;
  log: Logger;
  sync: SyncService;
  now: () => Date;
  write?: (text: string) => void;
}) {
  const renderer = createRenderer({ templatesDir: join(projectRoot(), 'templates') });
  const { config } = deps;
  const senders: { console: ChannelSender; slack?: ChannelSender; telegram?: ChannelSender } = {
    console: createConsoleSender(deps.write ?? ((t) => process.stdout.write(t))),
    ...(config.slack.botToken
      ? {
          slack: createSlackSender({
            token: config.slack.botToken,
            ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}),
          }),
        }
      : {}),
    ...(config.telegram.botToken
      ? {
          telegram: createTelegramSender({
            token: config.telegram.botToken,
            ...(config.telegram.apiUrl ? { apiRoot: config.telegram.apiUrl } : {}),
          }),
        }
      : {}),
  };
  const outbox = createOutboxStore(deps.db);
  const log = deps.log.child({ component: 'notify' });
  const worker = createDeliveryWorker({
    store: outbox,
    senders,
    instance: `${process.pid}`,
    now: deps.now,
    log,
    onDead: (m, error) =>
      log.error({ outboxId: m.id, target: m.target, error }, 'notification could not be delivered'),
  });
  const signer = actionSigner(config);

  const enqueueDigest = createDigestService<DigestView>({
    recommendations: createRecommendationStore(deps.db),
    outbox,
    // No chat bound yet: the digest goes to the console, so nothing is lost and a newcomer sees it.
    targets: async (companyId) => {
      const bound = await listChatTargets(deps.db, companyId, 'digest');
      return bound.length > 0 ? bound : [{ channel: 'console', target: 'stdout', locale: null }];
    },
    stepRuns: (companyId, runDate) => stepRunsOn(deps.db, companyId, runDate),
    buildView: async (company, runDate, recommendations, failedSteps) => {
      const expiresAt = new Date(deps.now().getTime() + ACTION_TTL_MS);
      const freshness = await deps.sync.freshness(company);
      const view = buildDigestView({
        companyName: company.name,
        runDate,
        timezone: company.timezone,
        recommendations,
        newAlerts: [],
        freshness,
        actionId: (kind, r) => encodeAction({ kind, recommendationId: r.id, expiresAt }, signer.sign),
      });
      return { ...view, failedSteps: withLastSync(failedSteps, freshness.syncedAt) };
    },
    render: (channel, locale, view) => {
      if (channel === 'console') {
        return renderer.renderDigest('telegram', locale, view).map((m) => ({ text: htmlToText(m.text) }));
      }
      return renderer.renderDigest(channel, locale, view) as unknown as Record<string, unknown>[];
    },
  });

  const itemOf = (i: AlertGroupMessage['firing'][number]): AlertItem => ({
    code: i.rule,
    severity: i.severity,
    sellerSku: i.sku ?? null,
    name: null,
    detail: i.summary,
  });
  const renderAlerts = (
    channel: 'slack' | 'telegram',
    locale: 'ru' | 'en',
    group: AlertGroupMessage,
    companyName: string,
  ) => {
    // An edit in place shows the alerts resolved since the message went out struck through.
    const struck = new Set(group.struck ?? []);
    const alerts = [...group.firing, ...group.reminders].map((i) => ({
      ...itemOf(i),
      resolved: struck.has(i.fingerprint),
    }));
    if (alerts.length === 0) return [];
    return renderer.renderMessages(channel, locale, 'alert-group', {
      companyName,
      severity: group.highestSeverity ?? 'info',
      alerts,
      moreCount: 0,
      resolvedCount: alerts.filter((a) => a.resolved).length,
    });
  };
  const renderResolved = (
    channel: 'slack' | 'telegram',
    locale: 'ru' | 'en',
    item: AlertMessageItem,
    company: { name: string; timezone?: string },
    resolvedAt: Date,
  ) => {
    const view: ResolvedView = {
      companyName: company.name,
      code: item.rule,
      sellerSku: item.sku ?? null,
      name: null,
      firedAt: item.firstSeenAt.toISOString(),
      resolvedAt: resolvedAt.toISOString(),
      timezone: company.timezone ?? 'UTC',
    };
    return renderer.renderMessages(channel, locale, 'resolved', view);
  };
  const evaluateAlerts = createAlertService({
    store: createAlertStore(deps.db),
    now: deps.now,
    targets: async (companyId) => {
      const bound = await listChatTargets(deps.db, companyId, 'alerts');
      return bound.length > 0
        ? bound
        : [{ channel: 'console' as const, target: 'stdout', locale: null, minSeverity: 'warning' as const }];
    },
    render: (channel, locale, group, company) =>
      channel === 'console'
        ? renderAlerts('telegram', locale, group, company.name).map((m) => ({ text: htmlToText(m.text) }))
        : (renderAlerts(channel, locale, group, company.name) as unknown as Record<string, unknown>[]),
    sent: (companyId, channel, target, fingerprints) =>
      sentAlertGroups(deps.db, companyId, channel, target, fingerprints),
    // The console cannot edit what it printed: it prints a resolved notice instead.
    renderResolved: (channel, locale, item, company, at) =>
      channel === 'console'
        ? renderResolved('telegram', locale, item, company, at).map((m) => ({ text: htmlToText(m.text) }))
        : (renderResolved(channel, locale, item, company, at) as unknown as Record<string, unknown>[]),
  });

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  return {
    renderer,
    enqueueDigest,
    evaluateAlerts,
    deliverNow: () => worker.runOnce(),
    /** Delivers every second until stopped; one pass at a time. */
    start() {
      timer = setInterval(() => {
        if (running) return;
        running = true;
        worker
          .runOnce()
          .catch((err: unknown) => log.error({ err }, 'delivery pass failed'))
          .finally(() => {
            running = false;
          });
      }, 1000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
