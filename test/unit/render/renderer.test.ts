import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../../../src/adapters/render/renderer.js';
import { type Platform, TEMPLATE_NAMES } from '../../../src/adapters/render/views.js';
import { digest, orderLine, VIEWS } from './views.fixture.js';

const templatesDir = path.resolve(import.meta.dirname, '../../../templates');
const renderer = createRenderer({ templatesDir });

const cases = (['slack', 'telegram'] as const).flatMap((platform) =>
  (['en', 'ru'] as const).flatMap((locale) =>
    TEMPLATE_NAMES.map((name) => [platform, locale, name] as const),
  ),
);

describe('every template in both languages', () => {
  it.each(cases)('%s/%s/%s', (platform, locale, name) => {
    const messages = renderer.renderMessages(platform, locale, name, VIEWS[name]);
    expect(messages).toMatchSnapshot();
  });
});

describe('render', () => {
  it('gives Slack a fallback text and blocks', () => {
    const message = renderer.render('slack', 'en', 'po-approved', VIEWS['po-approved']);
    expect(message.text).toBe('PO-7 approved by @anna');
    expect(message.blocks.length).toBeGreaterThan(0);
  });

  it('gives Telegram HTML without a keyboard when there are no buttons', () => {
    const message = renderer.render('telegram', 'ru', 'resolved', VIEWS.resolved);
    expect(message.parseMode).toBe('HTML');
    expect(message.replyMarkup).toBeUndefined();
  });

  it('refuses to squeeze a long digest into one message', () => {
    const many = {
      ...digest,
      attention: Array.from({ length: 400 }, () => ({ sellerSku: 'A', name: 'B', reasons: ['OVERSTOCK'] })),
    };
    expect(() => renderer.render('telegram', 'en', 'digest', many)).toThrow(/does not fit one message/);
  });

  it.each<[string, Platform]>([
    ['slack', 'slack'],
    ['telegram', 'telegram'],
  ])('fails loudly on a missing field (%s)', (_name, platform) => {
    const { alreadyOrderedCount: _dropped, ...broken } = digest;
    expect(() => renderer.renderDigest(platform, 'en', broken as typeof digest)).toThrow(
      new RegExp(`${platform}/en/digest: \\{\\{int\\}\\}: "alreadyOrderedCount" is missing`),
    );
  });

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, typeof digest, RegExp]>([
    ['a nested field in {{#if}}', { ...digest, freshness: { syncedAt: null } as typeof digest.freshness }, /\{\{if\}\}: "freshness.stale" is missing/],
    ['a button value', { ...digest, orderToday: [{ ...orderLine(1), actions: { ...orderLine(1).actions, edit: undefined as unknown as string } }] }, /\{\{button\}\}: "actions.edit" is missing/],
    ['a list (as the runtime words it)', { ...digest, attention: undefined as unknown as typeof digest.attention }, /telegram\/en\/digest: .*'length'/],
  ])('names the missing field: %s', (_name, view, error) => {
    expect(() => renderer.renderDigest('telegram', 'en', view)).toThrow(error);
  });

  it('asserts callback_data fits 64 bytes', () => {
    const line = {
      ...orderLine(42),
      actions: { ...orderLine(42).actions, edit: 'я'.repeat(33) },
    };
    expect(() => renderer.renderDigest('telegram', 'en', { ...digest, orderToday: [line] })).toThrow(
      /64 bytes/,
    );
  });

  it('asserts a Slack button value fits 2000 characters', () => {
    const line = {
      ...orderLine(42),
      actions: { ...orderLine(42).actions, edit: 'x'.repeat(2001) },
    };
    expect(() => renderer.renderDigest('slack', 'en', { ...digest, orderToday: [line] })).toThrow(/2000/);
  });
});

describe('createRenderer fails at start', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const withFile = (file: string, source: string | null): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'templates-'));
    dirs.push(dir);
    cpSync(templatesDir, dir, { recursive: true });
    if (source === null) rmSync(path.join(dir, file));
    else writeFileSync(path.join(dir, file), source);
    return dir;
  };

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, string, string | null, RegExp]>([
    ['a syntax error', 'slack/en/resolved.hbs', '{{#section}}oops{{/sectio}}', /slack\/en\/resolved\.hbs does not compile/],
    ['an unknown helper', 'telegram/ru/resolved.hbs', '{{#para}}{{shout code}}{{/para}}', /unknown helper shout/],
    ['an unknown partial', 'telegram/en/resolved.hbs', '{{#para}}{{> nope}}{{/para}}', /unknown partial "nope"/],
    ['a missing template', 'slack/ru/sync-failure.hbs', null, /slack\/ru\/sync-failure\.hbs is missing/],
  ])('on %s', (_name, file, source, error) => {
    expect(() => createRenderer({ templatesDir: withFile(file, source) })).toThrow(error);
  });

  it('on text outside blocks, at render', () => {
    const dir = withFile('slack/en/resolved.hbs', '{{#fallback}}x{{/fallback}}lost text');
    expect(() =>
      createRenderer({ templatesDir: dir }).render('slack', 'en', 'resolved', VIEWS.resolved),
    ).toThrow(/text outside blocks/);
  });

  it('on a Slack template without a fallback, at render', () => {
    const dir = withFile('slack/en/resolved.hbs', '{{#section}}x{{/section}}');
    expect(() =>
      createRenderer({ templatesDir: dir }).render('slack', 'en', 'resolved', VIEWS.resolved),
    ).toThrow(/no \{\{#fallback\}\}/);
  });
});

describe("the digest names today's failed steps (issue #6)", () => {
  const syncFailed = {
    ...digest,
    failedSteps: [
      {
        job: 'sync' as const,
        status: 'failed' as const,
        at: '2026-01-15T03:02:00Z',
        error: 'WB main: token expired',
        lastGoodAt: '2026-01-14T03:05:00Z',
      },
    ],
  };
  const textOf = (platform: Platform, locale: 'en' | 'ru', view: typeof digest) =>
    renderer
      .renderDigest(platform, locale, view)
      .map((m) => ('blocks' in m ? m.blocks.map((b) => JSON.stringify(b)).join('\n') : m.text))
      .join('\n');

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[Platform, 'en' | 'ru', string]>([
    ['slack', 'en', "Today's sync failed at 06:02 (WB main: token expired): figures use data from 14 Jan, 06:05."],
    ['telegram', 'en', "⚠️ Today's sync failed at 06:02 (WB main: token expired): figures use data from 14 Jan, 06:05."],
    ['slack', 'ru', 'Сегодня в 06:02 синхронизация не удалась (WB main: token expired): цифры — по данным на 14 янв., 06:05.'],
    ['telegram', 'ru', '⚠️ Сегодня в 06:02 синхронизация не удалась (WB main: token expired): цифры — по данным на 14 янв., 06:05.'],
  ])('%s/%s: a failed sync', (platform, locale, line) => {
    expect(textOf(platform, locale, syncFailed)).toContain(line);
  });

  it.each<[Platform, 'en' | 'ru']>([
    ['slack', 'en'],
    ['slack', 'ru'],
    ['telegram', 'en'],
    ['telegram', 'ru'],
  ])('%s/%s: nothing failed, no such line', (platform, locale) => {
    for (const view of [
      { ...digest, failedSteps: [] },
      { ...digest, failedSteps: undefined },
    ]) {
      const text = textOf(platform, locale, view);
      expect(text).not.toMatch(/failed at|не удалась|не построен|не выполнен|с ошибками/);
      expect(text).not.toContain('⚠️ Today');
    }
  });
});
