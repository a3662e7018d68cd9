import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/adapters/db/client.js';
import { createLinkCode } from '../../src/adapters/db/queries/chat.js';
import { recommendations, stockSnapshots } from '../../src/adapters/db/schema/index.js';
import { startTestRuntime } from '../helpers/runtime.js';
import { seedCompany } from '../helpers/seed.js';

// Issue #7: thousands of random and hostile command texts through the real HTTP surfaces (signed
// Slack slash commands, Telegram webhook updates), reproducible from one seed. Every one gets a
// 2xx and a helpful reply, and nothing in the database changes but the delivery dedupe table.

const SEED = 0x5eed_0007;
// 1,000 a surface keeps the embedded database (single-threaded PGlite) well under a minute.
const PER_SURFACE = 1000;
const SLACK_SECRET = 'slack-signing-secret-fuzz-8f14e45fceea';
const TG_TOKEN = '123456789:AAH-telegram-fuzz-token-value_xyz';
const TG_SECRET = 'webhook-secret-fuzz';
const SLACK_COMMANDS = ['/stock', '/runway', '/digest', '/orders', '/help', '/link'];

/** Inputs that once broke something, kept as fixed cases in front of the random ones. */
const REGRESSIONS: readonly string[] = [];

// mulberry32: small, fast, and the same sequence everywhere.
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

const PIECES = [
  // identifiers that exist, almost exist, or look like ids
  'MUG-01',
  'mug-01',
  'MUG01',
  'ＭＵＧ－０１',
  'TEA-02',
  'tea',
  '4600000000011',
  '1001',
  '2002',
  '00000000',
  '99999999999999999999999999',
  '-1',
  '0',
  '1e309',
  '0x1F',
  '3.14',
  'Infinity',
  '９９',
  // SQL and pattern injection
  "'; drop table products; --",
  "' or '1'='1",
  '" or 1=1 --',
  '%',
  '_',
  '\\',
  '%_%',
  "\\'",
  '$$',
  ';',
  '1; select pg_sleep(5)',
  "' union select password from users --",
  'null',
  '\\x00',
  // markup and template injection
  '<b>bold</b>',
  '<script>alert(1)</script>',
  '&amp;',
  '&lt;',
  '<',
  '>',
  '&',
  '"',
  "'",
  '{{this}}',
  '{{#each .}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template-injection probe
  '${process.env}',
  '</code><pre>',
  '<a href="javascript:alert(1)">x</a>',
  '<tg-spoiler>',
  // Slack mrkdwn and mentions
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0BUYER01>',
  '<#C0PURCHASE|general>',
  '<https://evil.example|click>',
  '*bold*',
  '_it_',
  '~strike~',
  '`code`',
  '```block```',
  '> quote',
  ':skull:',
  '<!subteam^S123>',
  // Telegram MarkdownV2 specials
  '_',
  '*',
  '[',
  ']',
  '(',
  ')',
  '~',
  '`',
  '>',
  '#',
  '+',
  '-',
  '=',
  '|',
  '{',
  '}',
  '.',
  '!',
  '\\_\\*',
  // unicode: RTL, emoji, combining marks, zero-width, odd spaces, lone surrogates
  '\u202Eevil\u202C',
  'مرحبا',
  'שלום',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇷🇺',
  'e\u0301',
  'Z\u0351\u0352\u0357\u0358\u035b\u0306',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u2060',
  '\u00A0',
  '\u3000',
  '\u2028',
  '\u2029',
  '\uD800',
  '\uDFFF',
  '𝕊𝕂𝕌',
  'ﬁ',
  'Å',
  // control characters and NUL
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  '\u0085',
  '\u007f',
  '\b',
  '\v',
  '\f',
  // words that must not leak as values
  'undefined',
  'NaN',
  '[object Object]',
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  // Russian
  'остаток',
  'Кружка',
  'ёЁ',
  'сводка',
];
const HEADS = [
  '/stock',
  '/stock',
  '/stock',
  '/runway',
  '/digest',
  '/orders',
  '/help',
  '/link',
  '/start',
  '/остаток',
  '/запас',
  '/STOCK',
  '／stock',
  '/stock@stockpilot_bot',
  '/stock@other_bot',
  '/unknown',
  '/',
  '//stock',
  'stock',
  '',
];

/** One hostile text: a command head (or none) and random pieces, sometimes huge or empty. */
function hostileText(r: ReturnType<typeof prng>): string {
  const roll = r.next();
  if (roll < 0.02) return '';
  if (roll < 0.03) return ' \t\u200B\n ';
  if (roll < 0.05) return `${r.pick(HEADS)} ${r.pick(PIECES).repeat(100_000)}`.slice(0, 100_000);
  if (roll < 0.07) return `${r.pick(HEADS)} ${'A'.repeat(99 + r.int(4))}`;
  const parts = [r.pick(HEADS)];
  const n = 1 + r.int(6);
  for (let i = 0; i < n; i++) {
    if (r.next() < 0.15) parts.push(String.fromCharCode(r.int(0x3000)));
    else parts.push(r.pick(PIECES));
  }
  return parts.join(r.next() < 0.7 ? ' ' : '');
}

const cases = (seed: number): string[] => {
  const r = prng(seed);
  return [...REGRESSIONS, ...Array.from({ length: PER_SURFACE }, () => hostileText(r))];
};

// --- the platforms, intercepted ---------------------------------------------------------------

const slackReplies = new Map<string, string[]>();
const telegramReplies = new Map<number, string[]>();
nock.disableNetConnect();
nock.enableNetConnect(/127\.0\.0\.1|localhost/);
const ok = (result: object) => ({ ok: true, result });
nock('https://api.telegram.org')
  .persist()
  .post(/\/bot.*\/(getMe|setMyCommands|deleteMessage|setWebhook)$/)
  .reply(200, ok({ id: 1, is_bot: true, first_name: 'stockpilot', username: 'stockpilot_bot' }));
nock('https://api.telegram.org')
  .persist()
  .post(/\/bot.*\/sendMessage$/, (body: { chat_id: number | string; text: string }) => {
    const key = Number(body.chat_id);
    telegramReplies.set(key, [...(telegramReplies.get(key) ?? []), body.text]);
    return true;
  })
  .reply(200, ok({ message_id: 1, date: 0, chat: { id: 42, type: 'private' } }));
nock('https://slack.com')
  .persist()
  .post('/api/auth.test')
  .reply(200, { ok: true, bot_id: 'B0FUZZ', user_id: 'U0BOT', team_id: 'T111' });
nock('https://slack.com')
  .persist()
  .post('/api/chat.postMessage', (body: { channel?: string; text?: string }) => {
    // The digest goes to the channel; the reply for the command in flight is its response_url's.
    digestPosts.push(String(body.text ?? ''));
    return true;
  })
  .reply(200, { ok: true, channel: 'C0FUZZ', ts: '1.2' });
// nock matches a request's path, then its body, in one go: the path seen last is the body's.
let replyPath = '';
nock('https://hooks.slack.com')
  .persist()
  .post(
    (uri: string) => {
      replyPath = uri;
      return uri.startsWith('/commands/');
    },
    (body: unknown) => {
      slackReplies.set(replyPath, [...(slackReplies.get(replyPath) ?? []), JSON.stringify(body)]);
      return true;
    },
  )
  .reply(200, 'ok');
const digestPosts: string[] = [];

const { runtime, lines } = await startTestRuntime({
  SLACK_BOT_TOKEN: 'xoxb-1-2-fuzz',
  SLACK_SIGNING_SECRET: SLACK_SECRET,
  TELEGRAM_MODE: 'webhook',
  TELEGRAM_BOT_TOKEN: TG_TOKEN,
  TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
});
const { db } = runtime.database;

afterAll(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await runtime.close();
});

// --- requests as the platforms send them ----------------------------------------------------------

let seq = 0;
async function slash(command: string, text: string, user = 'U0BUYER01', channel = 'C0FUZZ') {
  const n = ++seq;
  const path = `/commands/T111/${n}/fuzz`;
  const body = new URLSearchParams({
    token: 'verification_token',
    team_id: 'T111',
    team_domain: 'acme-retail',
    channel_id: channel,
    channel_name: 'purchasing',
    user_id: user,
    user_name: 'buyer',
    command,
    text,
    api_app_id: 'A111',
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.com${path}`,
    trigger_id: `${n}.111.fuzz`,
  }).toString();
  const at = Math.floor(Date.now() / 1000);
  const res = await runtime.app.inject({
    method: 'POST',
    url: '/slack/events',
    payload: body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(at),
      'x-slack-signature': `v0=${createHmac('sha256', SLACK_SECRET).update(`v0:${at}:${body}`).digest('hex')}`,
    },
  });
  // An answer ready in time rides in the ack (issue #7): kept with those posted to response_url.
  if (res.statusCode === 200 && res.body !== '')
    slackReplies.set(path, [...(slackReplies.get(path) ?? []), JSON.stringify(JSON.parse(res.body))]);
  return { res, path };
}

let updateId = 5000;
async function telegram(text: string, chatId: number) {
  const id = ++updateId;
  const head = /^[/／]\S*/u.exec(text)?.[0];
  const res = await runtime.app.inject({
    method: 'POST',
    url: '/telegram/webhook',
    headers: { 'x-telegram-bot-api-secret-token': TG_SECRET },
    payload: {
      update_id: id,
      message: {
        message_id: id,
        date: 1_732_000_000,
        chat: { id: chatId, type: 'private', first_name: 'Anna' },
        from: { id: chatId, is_bot: false, first_name: 'Anna', username: 'anna', language_code: 'en' },
        text,
        ...(head?.startsWith('/')
          ? { entities: [{ type: 'bot_command', offset: 0, length: head.length }] }
          : {}),
      },
    },
  });
  return res;
}

async function waitFor(check: () => boolean, what: string, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}\n${lines.slice(-8).join('\n').slice(0, 4000)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

// --- what a helpful reply is ----------------------------------------------------------------------

const STACK = /\bat \S+ \(?[^)\s]+:\d+:\d+\)?|\b(TypeError|ReferenceError|RangeError|SyntaxError):/;
const FAILED = /Something went wrong on our side|У нас что-то пошло не так/;

/** Problems with one reply text (empty list: helpful). `input` is what the person typed. */
function problems(reply: string, input: string): string[] {
  const out: string[] = [];
  if (reply.trim() === '') out.push('empty reply');
  if (STACK.test(reply)) out.push('stack trace');
  if (FAILED.test(reply)) out.push('generic failure (a handler threw)');
  for (const raw of ['undefined', 'NaN', '[object Object]'])
    if (reply.includes(raw) && !input.includes(raw)) out.push(`raw ${raw}`);
  return out;
}

/** Telegram parses the reply as HTML: only its tags, every other < > & escaped, 4096 characters. */
function telegramHtmlProblems(html: string): string[] {
  const out: string[] = [];
  if (html.length > 4096) out.push(`longer than 4096 (${html.length})`);
  const TAG = /<\/?(b|strong|i|em|u|ins|s|strike|del|code|pre|blockquote|tg-spoiler|a)(\s+href="[^"<>]*")?>/y;
  const ENTITY = /&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/iy;
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c === '<') {
      TAG.lastIndex = i;
      const m = TAG.exec(html);
      if (!m) {
        out.push(`unescaped < at ${i}: ${JSON.stringify(html.slice(i, i + 20))}`);
        break;
      }
      i += m[0].length - 1;
    } else if (c === '&') {
      ENTITY.lastIndex = i;
      if (!ENTITY.test(html)) {
        out.push(`unescaped & at ${i}`);
        break;
      }
    } else if (c === '>') {
      out.push(`unescaped > at ${i}`);
      break;
    }
  }
  return out;
}

/** Slack: no mention or link syntax of the user's making, and a fallback text. */
function slackProblems(json: string): string[] {
  const out: string[] = [];
  const body = JSON.parse(json) as { text?: string; blocks?: unknown };
  if (!body.text?.trim()) out.push('no fallback text');
  const all = `${body.text ?? ''}${JSON.stringify(body.blocks ?? [])}`;
  for (const m of ['<!', '<@', '<#']) if (all.includes(m)) out.push(`unescaped ${m}`);
  for (const block of (body.blocks ?? []) as { text?: { text?: string } }[])
    if ((block.text?.text?.length ?? 0) > 3000) out.push('section text over 3000');
  return out;
}

// --- the tables that must not change ----------------------------------------------------------------

/** Row counts of every table but the delivery dedupe (which records each delivery by design). */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'chat_updates'
      order by table_name`),
  ).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from "${t}"`)));
    counts[t] = row?.n ?? 0;
  }
  const [used] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from link_codes where used_at is not null`),
  );
  counts['link_codes (used)'] = used?.n ?? 0;
  return counts;
}

// --- the run ------------------------------------------------------------------------------------------

const BATCH = 50;
/** One linked Telegram user per slot of a batch, so each reply is told apart by its chat. */
const TG_LINKED = Array.from({ length: BATCH }, (_, i) => 101 + i);
let before: Record<string, number> = {};

beforeAll(async () => {
  const { company, products, warehouse } = await seedCompany(db, 'Fuzz & <Co>');
  const runDate = new Date().toISOString().slice(0, 10);
  await db.insert(stockSnapshots).values(
    products.map((p, i) => ({
      companyId: company.id,
      productId: p.id,
      marketplace: 'wildberries',
      warehouseId: warehouse.id,
      stockType: 'FBO' as const,
      quantity: 10 + i,
      takenAt: new Date(),
    })),
  );
  await db.insert(recommendations).values(
    products.map((p, i) => ({
      companyId: company.id,
      productId: p.id,
      runDate,
      category: i === 0 ? ('ORDER_TODAY' as const) : ('NORMAL' as const),
      reasons: i === 0 ? ['BELOW_REORDER_POINT'] : [],
      availableStock: 10 + i,
      dailyDemand: 2.5,
      runwayDays: 4 + i,
      leadTimeDays: 14,
      serviceLevel: 0.95,
      safetyStock: 5,
      reorderPoint: 40,
      recommendedQty: i === 0 ? 50 : 0,
      explanation: 'Runway 4 days against a 14-day lead time',
    })),
  );
  for (const code of ['FUZZ-SLACK', ...TG_LINKED.map((id) => `FUZZ-TG-${id}`)])
    await createLinkCode(db, {
      companyId: company.id,
      code,
      role: 'viewer',
      approvalLimit: null,
      createdBy: 'test',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
  const linked = await slash('/link', 'FUZZ-SLACK');
  expect(linked.res.statusCode).toBe(200);
  await waitFor(() => slackReplies.has(linked.path), 'the Slack /link reply');
  expect(slackReplies.get(linked.path)?.[0]).toContain('Fuzz &amp; &lt;Co&gt;');
  for (const id of TG_LINKED) {
    expect((await telegram(`/link FUZZ-TG-${id}`, id)).statusCode).toBe(200);
    await waitFor(() => (telegramReplies.get(id)?.length ?? 0) > 0, 'the Telegram /link reply');
    expect(telegramReplies.get(id)?.[0]).toContain('Fuzz &amp; &lt;Co&gt;');
  }
  // The linked users really get answers from the database.
  const stock = await slash('/stock', 'MUG-01');
  await waitFor(() => slackReplies.has(stock.path), 'the Slack /stock reply');
  expect(slackReplies.get(stock.path)?.[0]).toMatch(/"text":"MUG-01: \D*10 /);
  before = await tableCounts();
}, 30_000);

describe('chat commands under fuzz', () => {
  it(`Slack: ${PER_SURFACE} hostile slash commands get a 200 and a helpful ephemeral reply`, async () => {
    const r = prng(SEED);
    const failures: string[] = [];
    const texts = cases(SEED);
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = await Promise.all(
        texts.slice(i, i + BATCH).map(async (text) => {
          // A Slack command field is always a registered command; the text is anything.
          const command = r.pick(SLACK_COMMANDS);
          const user = r.next() < 0.1 ? 'U0STRANGER' : 'U0BUYER01';
          const { res, path } = await slash(command, text, user);
          return { input: `${command} ${text}`, res, path };
        }),
      );
      const acked = batch.filter((b) => b.res.statusCode === 200);
      for (const b of batch)
        if (b.res.statusCode !== 200)
          failures.push(`${b.res.statusCode} for ${JSON.stringify(b.input.slice(0, 200))}`);
      await waitFor(
        () => acked.every((b) => slackReplies.has(b.path) || b.input.startsWith('/digest')),
        'Slack replies',
      );
      for (const b of acked) {
        const replies = slackReplies.get(b.path) ?? [];
        // /digest with data goes to the channel with chat.postMessage, not to response_url.
        if (replies.length === 0 && b.input.startsWith('/digest')) continue;
        for (const reply of replies) {
          const p = [...problems(reply, b.input), ...slackProblems(reply)];
          if (p.length)
            failures.push(
              `${p.join(', ')} for ${JSON.stringify(b.input.slice(0, 200))}: ${reply.slice(0, 300)}`,
            );
        }
      }
    }
    for (const post of digestPosts) {
      const p = problems(post, '');
      if (p.length) failures.push(`${p.join(', ')} in a digest post: ${post.slice(0, 300)}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 60_000);

  it(`Telegram: ${PER_SURFACE} hostile messages get a 200 and a helpful HTML reply`, async () => {
    const r = prng(SEED + 1);
    const failures: string[] = [];
    const texts = cases(SEED + 1);
    let stranger = 1_000_000;
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = await Promise.all(
        texts.slice(i, i + BATCH).map(async (text, slot) => {
          // Each message of a batch in a chat of its own; most from linked users, some from strangers.
          const chat = r.next() < 0.1 ? ++stranger : (TG_LINKED[slot] ?? 0);
          const seen = telegramReplies.get(chat)?.length ?? 0;
          const res = await telegram(text, chat);
          return { text, res, chat, seen };
        }),
      );
      for (const b of batch) {
        const input = JSON.stringify(b.text.slice(0, 200));
        if (b.res.statusCode !== 200) failures.push(`${b.res.statusCode} for ${input}`);
        const replies = (telegramReplies.get(b.chat) ?? []).slice(b.seen);
        // A command addressed to another bot (`/stock@other_bot`, also `/stock@stockpilot_bot7`:
        // the name runs on) is not ours to answer; everything else is answered.
        const to = /^[/／][\p{L}\p{N}_]{1,32}@(\w{1,64})/u.exec(b.text)?.[1];
        const forOther = to !== undefined && to.toLowerCase() !== 'stockpilot_bot';
        if (replies.length === 0 && !forOther) failures.push(`no reply for ${input}`);
        for (const reply of replies) {
          const p = [...problems(reply, b.text), ...telegramHtmlProblems(reply)];
          if (p.length) failures.push(`${p.join(', ')} for ${input}: ${reply.slice(0, 300)}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 60_000);

  it('wrote nothing: every table but the delivery dedupe has the same rows', async () => {
    expect(await tableCounts()).toEqual(before);
  });

  it('logged no error', () => {
    const errors = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors.slice(0, 5)).toEqual([]);
  });
});
