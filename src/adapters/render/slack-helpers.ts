// Block helpers that turn a Slack template into Block Kit: {{#section}} mrkdwn {{/section}},
// {{#header}}, {{#context}}, {{divider}}, {{#actions}}{{button …}}{{/actions}}, {{#fallback}}.
// Blocks are built as objects and serialised by the sender, so no JSON is ever made from strings.

import type { HelperDelegate, HelperOptions } from 'handlebars';
import { RenderError } from './errors.js';
import { unescapeMarkup } from './escape.js';

type PlainText = { type: 'plain_text'; text: string; emoji?: boolean };
type Mrkdwn = { type: 'mrkdwn'; text: string };

export type SlackButton = {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
  style?: 'primary' | 'danger';
  confirm?: { title: PlainText; text: Mrkdwn; confirm: PlainText; deny: PlainText };
};

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: SlackButton[] };

export type SlackCollector = { blocks: SlackBlock[]; fallback: string | null; actions: SlackButton[] | null };

export const SLACK_LIMITS = {
  blocks: 50,
  sectionChars: 3000,
  headerChars: 150,
  buttonValueChars: 2000,
  buttonTextChars: 75,
  buttonsPerActions: 25,
  // msg_blocks_too_long appears at about 13k characters in total (bolt-js#2509): keep a margin.
  messageChars: 12_000,
} as const;

const collectorOf = (options: HelperOptions): SlackCollector =>
  (options.data as { collector: SlackCollector }).collector;
const body = (options: HelperOptions, self: unknown): string => options.fn(self).trim();
const plain = (text: string, max: number): PlainText => ({
  type: 'plain_text',
  text: clip(unescapeMarkup(text), max),
  emoji: true,
});

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export const slackHelpers: Record<string, HelperDelegate> = {
  header(this: unknown, options: HelperOptions) {
    const text = body(options, this);
    if (text)
      collectorOf(options).blocks.push({ type: 'header', text: plain(text, SLACK_LIMITS.headerChars) });
    return '';
  },
  section(this: unknown, options: HelperOptions) {
    const text = body(options, this);
    if (text) collectorOf(options).blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
    return '';
  },
  context(this: unknown, options: HelperOptions) {
    const text = body(options, this);
    if (text) collectorOf(options).blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
    return '';
  },
  divider(options: HelperOptions) {
    collectorOf(options).blocks.push({ type: 'divider' });
    return '';
  },
  fallback(this: unknown, options: HelperOptions) {
    collectorOf(options).fallback = body(options, this);
    return '';
  },
  actions(this: unknown, options: HelperOptions) {
    const collector = collectorOf(options);
    if (collector.actions) throw new RenderError('{{#actions}} cannot be nested');
    collector.actions = [];
    options.fn(this);
    const elements = collector.actions;
    collector.actions = null;
    if (elements.length > SLACK_LIMITS.buttonsPerActions)
      throw new RenderError('too many buttons in one block');
    if (elements.length > 0) collector.blocks.push({ type: 'actions', elements });
    return '';
  },
  /**
   * {{button "Approve" actions.approve id="approve" style="primary"}}; as a block, its body is the
   * text of a confirm dialog: {{#button … confirm="Approve order?" yes="Approve" no="Cancel"}}…{{/button}}.
   */
  button(this: unknown, label: unknown, value: unknown, options: HelperOptions) {
    const collector = collectorOf(options);
    if (!collector.actions) throw new RenderError('{{button}} must be inside {{#actions}}');
    const hash = options.hash as Record<string, unknown>;
    const raw = unescapeMarkup(String(value));
    if (raw.length === 0 || raw.length > SLACK_LIMITS.buttonValueChars) {
      throw new RenderError('a Slack button value must be 1..2000 characters', { length: raw.length });
    }
    const button: SlackButton = {
      type: 'button',
      action_id: String(hash.id ?? 'action'),
      text: plain(String(label), SLACK_LIMITS.buttonTextChars),
      value: raw,
    };
    if (hash.style === 'primary' || hash.style === 'danger') button.style = hash.style;
    // Only the block form has a body; Handlebars leaves `fn` unset for {{button …}}.
    const fn = options.fn as HelperOptions['fn'] | undefined;
    if (fn && typeof hash.confirm === 'string') {
      button.confirm = {
        title: plain(hash.confirm, 100),
        text: { type: 'mrkdwn', text: clip(fn(this).trim(), 300) },
        confirm: plain(String(hash.yes ?? 'OK'), 30),
        deny: plain(String(hash.no ?? 'Cancel'), 30),
      };
    }
    collector.actions.push(button);
    return '';
  },
};
