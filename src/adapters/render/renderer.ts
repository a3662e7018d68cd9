// Loads templates/ once at start (load-templates.ts) and renders view models into Slack and
// Telegram messages, split within each platform's limits (pack.ts).

import path from 'node:path';
import Handlebars from 'handlebars';
import { RenderError } from './errors.js';
import { escapeView } from './escape.js';
import { formatHelpers } from './format-helpers.js';
import { compileTemplate, hbsFiles, pick, strictHelper } from './load-templates.js';
import { packSlack, packTelegram, type SlackMessage, type TelegramMessage } from './pack.js';
import { type SlackCollector, slackHelpers } from './slack-helpers.js';
import { type TelegramCollector, telegramHelpers } from './telegram-helpers.js';
import {
  type Locale,
  type Platform,
  TEMPLATE_NAMES,
  type TemplateName,
  type TemplateViews,
} from './views.js';

export type MessageFor<P extends Platform> = P extends 'slack' ? SlackMessage : TelegramMessage;

export type Renderer = {
  /** One message; throws RenderError when the content needs more than one (use renderMessages). */
  render<P extends Platform, N extends TemplateName>(
    platform: P,
    locale: Locale,
    name: N,
    view: TemplateViews[N],
  ): MessageFor<P>;
  /** As many messages as the platform limits need, in order. */
  renderMessages<P extends Platform, N extends TemplateName>(
    platform: P,
    locale: Locale,
    name: N,
    view: TemplateViews[N],
  ): MessageFor<P>[];
  renderDigest<P extends Platform>(
    platform: P,
    locale: Locale,
    view: TemplateViews['digest'],
  ): MessageFor<P>[];
};

const PLATFORMS: readonly Platform[] = ['slack', 'telegram'];
const LOCALES: readonly Locale[] = ['en', 'ru'];
const HELPERS: Record<Platform, Record<string, Handlebars.HelperDelegate>> = {
  slack: { ...formatHelpers, ...slackHelpers },
  telegram: { ...formatHelpers, ...telegramHelpers },
};

export function createRenderer({ templatesDir }: { templatesDir: string }): Renderer {
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const platform of PLATFORMS) {
    const env = Handlebars.create();
    const helpers = { ...pick(env.helpers, ['if', 'unless', 'each', 'with']), ...HELPERS[platform] };
    for (const [name, helper] of Object.entries(helpers))
      env.registerHelper(name, strictHelper(name, helper));
    const partials = hbsFiles(path.join(templatesDir, 'partials', platform));
    for (const [name, source] of partials) {
      env.registerPartial(
        name,
        compileTemplate(env, source, `partials/${platform}/${name}.hbs`, new Set(partials.keys())),
      );
    }
    for (const locale of LOCALES) {
      const files = hbsFiles(path.join(templatesDir, platform, locale));
      for (const name of TEMPLATE_NAMES) {
        const file = `${platform}/${locale}/${name}.hbs`;
        const source = files.get(name);
        if (source === undefined) throw new RenderError(`template ${file} is missing`, { file });
        compiled.set(
          `${platform}/${locale}/${name}`,
          compileTemplate(env, source, file, new Set(partials.keys())),
        );
      }
    }
  }

  function renderMessages<P extends Platform, N extends TemplateName>(
    platform: P,
    locale: Locale,
    name: N,
    view: TemplateViews[N],
  ): MessageFor<P>[] {
    const template = compiled.get(`${platform}/${locale}/${name}`);
    if (!template) throw new RenderError(`no template ${platform}/${locale}/${name}`);
    const escaped = escapeView(platform, withDefaults(name, view));
    const run = (collector: SlackCollector | TelegramCollector): string => {
      try {
        return template(escaped, { data: { locale, collector } });
      } catch (err) {
        // Say which template failed, and keep the details (the missing field) for the log.
        const details = err instanceof RenderError ? err.details : undefined;
        throw new RenderError(`${platform}/${locale}/${name}: ${(err as Error).message}`, details);
      }
    };
    if (platform === 'slack') {
      const collector: SlackCollector = { blocks: [], fallback: null, actions: null };
      const stray = run(collector);
      assertNoStrayText(stray, name);
      // Every Slack block message carries a plain-text fallback for notifications (STYLE.md rule 6).
      if (!collector.fallback) throw new RenderError(`slack/${locale}/${name} has no {{#fallback}}`);
      return packSlack(collector.blocks, collector.fallback) as MessageFor<P>[];
    }
    const collector: TelegramCollector = { parts: [], current: null, row: null };
    assertNoStrayText(run(collector), name);
    const messages = packTelegram(collector.parts);
    if (messages.length === 0) throw new RenderError(`telegram/${locale}/${name} rendered no text`);
    return messages as MessageFor<P>[];
  }

  return {
    renderMessages,
    render(platform, locale, name, view) {
      const messages = renderMessages(platform, locale, name, view);
      const [first] = messages;
      if (!first || messages.length > 1) {
        throw new RenderError(`${name} does not fit one message`, { messages: messages.length });
      }
      return first;
    },
    renderDigest: (platform, locale, view) => renderMessages(platform, locale, 'digest', view),
  };
}

/** Optional view fields a template still reads: callers that know nothing of them leave them out. */
function withDefaults<N extends TemplateName>(name: N, view: TemplateViews[N]): TemplateViews[N] {
  // The /digest chat command builds its view without today's failed steps (issue #6).
  if (name === 'digest') {
    const digest = view as TemplateViews['digest'];
    return { ...digest, failedSteps: digest.failedSteps ?? [] } as TemplateViews[N];
  }
  return view;
}

/** Text outside {{#section}} / {{#para}} would be silently lost: a template bug, so say so. */
function assertNoStrayText(output: string, name: string): void {
  if (output.trim())
    throw new RenderError(`${name}: text outside blocks`, { text: output.trim().slice(0, 80) });
}
